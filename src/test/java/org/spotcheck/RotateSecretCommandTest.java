package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.store.Database;
import org.spotcheck.store.KeyCheck;
import org.spotcheck.store.Secret;
import org.spotcheck.store.ServingLock;
import org.spotcheck.store.StoreException;
import org.spotcheck.telegram.FakeBotApi;

/** --rotate-secret: exclusive with a serving bot, a file made durable or adopted, or a passphrase printed. */
class RotateSecretCommandTest {

    private static final String TOKEN = "7319900:AAHrotateTestTokenXyZ0123456789abcdE";

    @TempDir
    Path dir;

    private Path database;
    private Path secretFile;
    private final Map<String, String> environment = new HashMap<>();
    private PrintStream originalOut;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void aDatabaseWrittenUnderASecretFile() {
        database = dir.resolve("data").resolve("spotcheck.db");
        secretFile = dir.resolve("config").resolve("secret");
        environment.put("SPOTCHECK_DB", database.toString());
        environment.put("SPOTCHECK_SECRET_FILE", secretFile.toString());
        Application.open(SettingsLoader.load(environment), Clock.systemUTC()).close();
        originalOut = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    @Test
    void whileABotServesTheDatabaseRotationIsRefusedWithStatus2AndChangesNothing() {
        Path next = dir.resolve("config").resolve("secret.new");
        int status;
        try (var held = ServingLock.acquire(database)) {
            status = Main.run(List.of("--rotate-secret", next.toString()), environment);
        }

        assertThat(status).isEqualTo(Main.BAD_SETTINGS);
        assertThat(next).doesNotExist();
        try (var db = Database.open(database)) {
            KeyCheck.verify(db, Secret.of(Optional.empty(), secretFile)); // still the old secret's database
        }
    }

    @Test
    void aServingBotHoldsTheLockUntilItStops() throws Exception {
        environment.put("TELEGRAM_BOT_TOKEN", TOKEN);
        try (var telegram = FakeBotApi.start(TOKEN)) {
            environment.put("TELEGRAM_API_URL", telegram.url());
            var app = Application.openToServe(SettingsLoader.load(environment), Clock.systemUTC());
            try {
                assertThatThrownBy(() -> ServingLock.acquire(database)).isInstanceOf(StoreException.class)
                        .hasMessageContaining("another SpotCheck process is serving this database");
            } finally {
                app.close();
            }
            ServingLock.acquire(database).close();
        }
    }

    @Test
    void aNewSecretFileIsCreatedAndTheDatabaseMovedToIt() throws Exception {
        Path next = dir.resolve("config").resolve("secret.new");

        int status = Main.run(List.of("--rotate-secret", next.toString()), environment);

        assertThat(status).isZero();
        assertThat(next.resolveSibling("secret.new.partial")).doesNotExist();
        try (var db = Database.open(database)) {
            KeyCheck.verify(db, Secret.of(Optional.empty(), next));
        }
    }

    @Test
    void anExistingNewSecretFileIsAdoptedAsItIs() throws Exception {
        Path next = Files.writeString(dir.resolve("config").resolve("made-by-root"), "ab".repeat(32) + "\n");

        int status = Main.run(List.of("--rotate-secret", next.toString()), environment);

        assertThat(status).isZero();
        assertThat(Files.readString(next)).isEqualTo("ab".repeat(32) + "\n");
        try (var db = Database.open(database)) {
            KeyCheck.verify(db, Secret.of(Optional.empty(), next));
        }
    }

    @Test
    void theCurrentSecretIsRefusedAsTheNewOne() {
        int status = Main.run(List.of("--rotate-secret", secretFile.toString()), environment);

        assertThat(status).isEqualTo(Main.BAD_SETTINGS);
        assertThat(secretFile).exists();
    }

    @Test
    void withPassphraseANewSpotcheckSecretIsPrintedAndTheDatabaseOpensWithIt() {
        int status = Main.run(List.of("--rotate-secret", "--passphrase"), environment);

        String line = printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("SPOTCHECK_SECRET="))
                .findFirst().orElseThrow();
        String passphrase = line.substring("SPOTCHECK_SECRET=".length());
        assertThat(status).isZero();
        assertThat(passphrase).hasSizeGreaterThanOrEqualTo(32);
        environment.remove("SPOTCHECK_SECRET_FILE");
        environment.put("SPOTCHECK_SECRET", passphrase);
        Application.open(SettingsLoader.load(environment), Clock.systemUTC()).close();
    }
}
