package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.telegram.FakeBotApi;

/**
 * The packaged jar as an operator can get it wrong: a second serving process on a database a bot
 * serves, a mistyped flag, a jar older than the database. Each is refused with exit status 2 and one
 * line, before it touches a row or Telegram; --check, --stats and --backup still work beside the bot.
 * Logs are kept in target/one-bot-it/.
 */
class OneBotPerDatabaseIT {

    private static final String TOKEN = "7309988:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final String SECRET = "one-bot-per-database-secret-0123";
    private static final Duration START_UP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private FakeBotApi telegram;
    private BotProcess first;
    private BotProcess second;
    private Path jar;
    private Path logs;

    @BeforeEach
    void setUp() throws Exception {
        telegram = FakeBotApi.start(TOKEN);
        jar = BotProcess.snapshotJar(dir);
        logs = BotProcess.logFolder("one-bot-it");
    }

    @AfterEach
    void tearDown() {
        BotProcess.stop(null, second, null);
        BotProcess.stop(null, first, telegram);
    }

    private Map<String, String> env() {
        var env = new HashMap<String, String>();
        env.put("TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("TELEGRAM_API_URL", telegram.url());
        env.put("SPOTCHECK_DB", dir.resolve("data/spotcheck.db").toString());
        env.put("SPOTCHECK_SECRET", SECRET);
        return env;
    }

    @Test
    void aSecondServingProcessExitsTwoWithOneLineAndTheFirstServesOn() throws Exception {
        first = BotProcess.start(jar, env(), dir, logs.resolve("first.log"));
        first.awaitPolling(telegram, START_UP);

        second = BotProcess.start(jar, env(), dir, logs.resolve("second.log"));
        int status = second.awaitExit(START_UP);

        var lines = second.lines();
        System.out.printf("second serving process, as the terminal shows it:%n$ java -jar spotcheck-bot.jar%n%s%n"
                + "$ echo $?%n%d%n", String.join("\n", lines), status);
        assertThat(status).isEqualTo(2);
        assertThat(lines).singleElement().asString()
                .startsWith("spotcheck: SPOTCHECK_DB: another SpotCheck process is serving this database")
                .contains("spotcheck.db.lock");
        assertThat(first.alive()).isTrue();
        var person = new TelegramPerson(telegram, 5_550_888_001L);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the first bot's welcome");
    }

    @Test
    void checkStatsAndBackupWorkBesideARunningBotAndTheBackupRestoresWithItsSecret() throws Exception {
        first = BotProcess.start(jar, env(), dir, logs.resolve("beside.log"));
        first.awaitPolling(telegram, START_UP);
        Path backup = dir.resolve("backup/spotcheck-backup.db");

        var check = JarCommand.run(jar, env(), dir, "--check");
        var stats = JarCommand.run(jar, env(), dir, "--stats", "--json");
        var copy = JarCommand.run(jar, env(), dir, "--backup", backup.toString());

        assertThat(check.status()).as("--check; stderr: %s", check.err()).isZero();
        assertThat(check.out()).contains("ok       secret: the passphrase from SPOTCHECK_SECRET");
        assertThat(stats.status()).as("--stats; stderr: %s", stats.err()).isZero();
        assertThat(stats.out().strip()).startsWith("{").endsWith("}");
        assertThat(copy.status()).as("--backup; stderr: %s", copy.err()).isZero();
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.alive()).isTrue();

        var restored = env();
        restored.put("SPOTCHECK_DB", backup.toString());
        var withItsSecret = JarCommand.run(jar, restored, dir, "--check");
        restored.put("SPOTCHECK_SECRET", "not-the-secret-that-wrote-it-0123");
        var withAnother = JarCommand.run(jar, restored, dir, "--check");

        assertThat(withItsSecret.status()).as("the backup with its secret; stderr: %s", withItsSecret.err()).isZero();
        assertThat(withAnother.status()).isEqualTo(2);
        assertThat(withAnother.err()).startsWith("spotcheck: SPOTCHECK_SECRET is not the secret this database was written with");
    }

    @Test
    void aMistypedFlagIsRefusedWithTheUsageBeforeAnythingStarts() throws Exception {
        var run = JarCommand.run(jar, env(), dir, "--stat");

        System.out.printf("a mistyped flag, as the terminal shows it:%n$ java -jar spotcheck-bot.jar --stat%n%s"
                + "$ echo $?%n%d%n", run.err(), run.status());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("spotcheck: unknown option \"--stat\"\nusage: java -jar spotcheck-bot.jar");
        assertThat(run.out()).isEmpty();
        assertThat(telegram.calls()).as("calls to Telegram").isEmpty();
        assertThat(dir.resolve("data")).as("the data folder").doesNotExist();
    }

    @Test
    void aDatabaseNewerThanTheJarIsNeitherServedNorPassesTheCheck() throws Exception {
        Path database = Files.createDirectories(dir.resolve("data")).resolve("spotcheck.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }

        first = BotProcess.start(jar, env(), dir, logs.resolve("newer.log"));
        int status = first.awaitExit(START_UP);
        var check = JarCommand.run(jar, env(), dir, "--check");

        assertThat(status).as("log:%n%s", first.tail()).isEqualTo(2);
        assertThat(first.lines().stream().filter(l -> l.startsWith("spotcheck:"))).singleElement().asString()
                .startsWith("spotcheck: SPOTCHECK_DB: " + database)
                .contains("schema version 99", "newer than this release's", "backup taken before the upgrade");
        assertThat(first.lines()).noneMatch(l -> l.contains("Exception") || l.contains("ERROR"));
        assertThat(check.status()).isEqualTo(2);
        assertThat(check.err()).contains("schema version 99");
        assertThat(telegram.calls("getUpdates")).isEmpty();
    }
}
