package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @RegisterExtension
    final PackagedBotAgainstStandIn packaged = new PackagedBotAgainstStandIn(TOKEN, "one-bot-it");

    private Map<String, String> env() {
        var env = packaged.environment();
        env.put("SPOTCHECK_SECRET", SECRET);
        return env;
    }

    @Test
    void aSecondServingProcessExitsTwoWithOneLineAndTheFirstServesOn() throws Exception {
        var first = packaged.start(env(), "first");
        first.awaitPolling(packaged.telegram(), START_UP);

        var second = packaged.start(env(), "second");
        int status = second.awaitExit(START_UP);

        var lines = second.lines();
        System.out.printf("second serving process, as the terminal shows it:%n$ java -jar spotcheck-bot.jar%n%s%n"
                + "$ echo $?%n%d%n", String.join("\n", lines), status);
        assertThat(status).isEqualTo(2);
        assertThat(lines).singleElement().asString()
                .startsWith("spotcheck: SPOTCHECK_DB: another SpotCheck process is serving this database")
                .contains("spotcheck.db.lock");
        assertThat(first.alive()).isTrue();
        var person = new TelegramPerson(packaged.telegram(), 5_550_888_001L);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the first bot's welcome");
    }

    @Test
    void checkStatsAndBackupWorkBesideARunningBotAndTheBackupRestoresWithItsSecret() throws Exception {
        var first = packaged.start(env(), "beside");
        first.awaitPolling(packaged.telegram(), START_UP);
        Path backup = packaged.folder().resolve("backup/spotcheck-backup.db");

        var check = packaged.command(env(), "--check");
        var stats = packaged.command(env(), "--stats", "--json");
        var copy = packaged.command(env(), "--backup", backup.toString());

        assertThat(check.status()).as("--check; stderr: %s", check.err()).isZero();
        assertThat(check.out()).contains("ok       secret: the passphrase from SPOTCHECK_SECRET");
        assertThat(stats.status()).as("--stats; stderr: %s", stats.err()).isZero();
        assertThat(stats.out().strip()).startsWith("{").endsWith("}");
        assertThat(copy.status()).as("--backup; stderr: %s", copy.err()).isZero();
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first.alive()).isTrue();

        var restored = env();
        restored.put("SPOTCHECK_DB", backup.toString());
        var withItsSecret = packaged.command(restored, "--check");
        restored.put("SPOTCHECK_SECRET", "not-the-secret-that-wrote-it-0123");
        var withAnother = packaged.command(restored, "--check");

        assertThat(withItsSecret.status()).as("the backup with its secret; stderr: %s", withItsSecret.err()).isZero();
        assertThat(withAnother.status()).isEqualTo(2);
        assertThat(withAnother.err()).startsWith("spotcheck: SPOTCHECK_SECRET is not the secret this database was written with");
    }

    @Test
    void aMistypedFlagIsRefusedWithTheUsageBeforeAnythingStarts() throws Exception {
        var run = packaged.command(env(), "--stat");

        System.out.printf("a mistyped flag, as the terminal shows it:%n$ java -jar spotcheck-bot.jar --stat%n%s"
                + "$ echo $?%n%d%n", run.err(), run.status());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("spotcheck: unknown option \"--stat\"\nusage: java -jar spotcheck-bot.jar");
        assertThat(run.out()).isEmpty();
        assertThat(packaged.telegram().calls()).as("calls to Telegram").isEmpty();
        assertThat(packaged.database().getParent()).as("the data folder").doesNotExist();
    }

    @Test
    void aDatabaseNewerThanTheJarIsNeitherServedNorPassesTheCheck() throws Exception {
        Path database = packaged.database();
        Files.createDirectories(database.getParent());
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }

        var first = packaged.start(env(), "newer");
        int status = first.awaitExit(START_UP);
        var check = packaged.command(env(), "--check");

        assertThat(status).as("log:%n%s", first.tail()).isEqualTo(2);
        assertThat(first.lines().stream().filter(l -> l.startsWith("spotcheck:"))).singleElement().asString()
                .startsWith("spotcheck: SPOTCHECK_DB: " + database)
                .contains("schema version 99", "newer than this release's", "backup taken before the upgrade");
        assertThat(first.lines()).noneMatch(l -> l.contains("Exception") || l.contains("ERROR"));
        assertThat(check.status()).isEqualTo(2);
        assertThat(check.err()).contains("schema version 99");
        assertThat(packaged.telegram().calls("getUpdates")).isEmpty();
    }
}
