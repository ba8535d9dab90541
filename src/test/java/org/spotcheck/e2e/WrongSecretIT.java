package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.check.Action;
import org.spotcheck.check.Input;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.ChatState;
import org.spotcheck.store.ChatStore;
import org.spotcheck.store.Database;
import org.spotcheck.store.KeyCheck;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Secret;
import org.spotcheck.store.ServingLock;
import org.spotcheck.text.Texts;

/**
 * The packaged bot, started as an operator would with a secret that did not write its database:
 * it stops with exit status 2 and one line naming the setting, and the data is exactly as it was.
 */
class WrongSecretIT {

    private static final String RIGHT = "the-right-secret-for-this-database";
    private static final String WRONG = "a-different-secret-typed-by-mistake";
    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final long CHAT = 5_123_456_789L;

    @TempDir
    Path dir;

    @Test
    void aStartWithAnotherSecretExitsWithStatus2AndOneLineAndLeavesTheDataUntouched() throws Exception {
        Path data = dir.resolve("data");
        Path databaseFile = data.resolve("spotcheck.db");
        String chatKey = writeSomeRows(databaseFile);
        var before = fingerprints(data);

        var run = runBot(Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", "http://127.0.0.1:9",
                "SPOTCHECK_DB", databaseFile.toString(), "SPOTCHECK_SECRET", WRONG));

        assertThat(run.status()).as(run.output()).isEqualTo(2);
        assertThat(run.output().lines().filter(l -> l.startsWith("spotcheck:")).toList())
                .singleElement().asString().contains("SPOTCHECK_SECRET").doesNotContain(WRONG).doesNotContain(RIGHT);
        // The serving lock (empty, taken before the secret is checked) is not data: it is all that may be new.
        Path lock = org.spotcheck.store.ServingLock.fileFor(databaseFile);
        assertThat(Files.exists(lock) ? Files.size(lock) : 0).as("bytes in the serving lock file").isZero();
        var after = fingerprints(data);
        after.remove(lock.getFileName().toString());
        assertThat(after).isEqualTo(before);
        try (var database = Database.open(databaseFile)) {
            KeyCheck.verify(database, Secret.of(Optional.of(RIGHT), dir.resolve("unused")));
            Optional<ChatState> chat = database.inTransaction(c -> new ChatStore().load(c, chatKey));
            assertThat(chat).isPresent();
        }
    }

    private String writeSomeRows(Path databaseFile) {
        var secret = Secret.of(Optional.of(RIGHT), dir.resolve("unused"));
        try (var database = Database.open(databaseFile)) {
            KeyCheck.verify(database, secret);
            var dialogue = new Dialogue(database, new ReminderStore(new Sealer(secret)), Texts.load(),
                    Clock.systemUTC(), List.of(Duration.ofDays(2)));
            String chatKey = new ChatKeys(secret).keyFor(CHAT);
            for (Action action : List.of(new Action.Begin(), new Action.RemindIn(Duration.ofDays(2)))) {
                dialogue.take(chatKey, OptionalLong.of(CHAT), new Input.Tap(action), "en", OptionalInt.empty());
            }
            return chatKey;
        }
    }

    private record Run(int status, String output) {
    }

    private Run runBot(Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-Xmx128m", "-jar", BotProcess.jar().toString());
        builder.environment().keySet().removeIf(k -> k.startsWith("SPOTCHECK_") || k.startsWith("TELEGRAM_"));
        builder.environment().put("HOME", dir.resolve("home").toString());
        builder.environment().putAll(env);
        builder.directory(dir.toFile());
        builder.redirectErrorStream(true);
        Path log = dir.resolve("run.log");
        builder.redirectOutput(Redirect.to(log.toFile()));
        var process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the bot did not stop: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Every file in the data folder with a digest of its bytes. */
    private static Map<String, String> fingerprints(Path folder) throws IOException, NoSuchAlgorithmException {
        var found = new TreeMap<String, String>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                if (file.equals(ServingLock.fileFor(folder.resolve("spotcheck.db")))) {
                    assertThat(file).isEmptyFile(); // the serving bot's lock holds no data
                    continue;
                }
                var digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                found.put(file.getFileName().toString(), HexFormat.of().formatHex(digest));
            }
        }
        return found;
    }
}
