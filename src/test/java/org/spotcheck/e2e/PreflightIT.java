package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.store.Database;
import org.spotcheck.store.KeyCheck;
import org.spotcheck.store.Secret;

/**
 * java -jar target/spotcheck-bot.jar --check, the packaged jar as an operator runs it: exit 0 and
 * what the bot would serve when all is well; exit 2 and one line naming the cause otherwise.
 */
class PreflightIT {

    private static final String TOKEN = "7301122:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final String OTHER_TOKEN = "7301122:AAGw5rTnB8vKq2XmZ4cJ7pLs9dF3hY6eN1o";
    private static final String SECRET = "preflight-secret-0123456789abcdef";

    @RegisterExtension
    final PackagedBotAgainstStandIn packaged = new PackagedBotAgainstStandIn(TOKEN, "preflight-it");

    @Test
    void allWellExitsZeroAndNamesTheBotAndWhatItWouldServe() throws Exception {
        var run = check(settings());

        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("@spotcheck_test_bot", "languages en, es, pt-BR, ru, de",
                "reminder delays 2 days, 7 days", "finished checks 30 days", "usage counters 2 years");
        assertThat(run.out()).contains("ok       secret: the passphrase from SPOTCHECK_SECRET",
                "no local services file (SPOTCHECK_SERVICES)", "emergency            en: the general words \"your local emergency number\"",
                "screening_start_age  25");
        assertThat(packaged.database()).as("the database, created and migrated").isRegularFile();
        assertThat(packaged.telegram().calls("getMe")).hasSize(1);
        assertThat(packaged.telegram().calls("getUpdates")).as("a check does not start serving").isEmpty();
    }

    @Test
    void aTokenTelegramRefusesExitsTwoNamingTheToken() throws Exception {
        var settings = settings();
        settings.put("TELEGRAM_BOT_TOKEN", OTHER_TOKEN);

        var run = check(settings);

        assertThat(run.status()).isEqualTo(2);
        assertThat(oneLine(run)).startsWith("spotcheck: TELEGRAM_BOT_TOKEN:").contains("401").doesNotContain(OTHER_TOKEN)
                .doesNotContain(OTHER_TOKEN.substring(OTHER_TOKEN.indexOf(':') + 1));
    }

    @Test
    void aDatabaseFolderThatCannotBeCreatedExitsTwoNamingTheDatabase() throws Exception {
        Files.writeString(packaged.folder().resolve("not-a-folder"), "a file where the data folder should be\n");
        var settings = settings();
        settings.put("SPOTCHECK_DB", packaged.folder().resolve("not-a-folder/spotcheck.db").toString());

        var run = check(settings);

        assertThat(run.status()).isEqualTo(2);
        assertThat(oneLine(run)).startsWith("spotcheck: SPOTCHECK_DB:").contains("not a writable folder");
        assertThat(packaged.telegram().calls("getMe")).as("nothing else is tried").isEmpty();
    }

    @Test
    void aReadOnlyDatabaseFolderExitsTwoNamingTheDatabase() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            System.out.println("PreflightIT: running as root, who may write anywhere: the read-only folder case is skipped");
        }
        Assumptions.assumeFalse(root, "root may write into a read-only folder");
        Path folder = Files.createDirectories(packaged.folder().resolve("read-only"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        var settings = settings();
        settings.put("SPOTCHECK_DB", folder.resolve("spotcheck.db").toString());

        var run = check(settings);

        assertThat(run.status()).isEqualTo(2);
        assertThat(oneLine(run)).startsWith("spotcheck: SPOTCHECK_DB:");
    }

    @Test
    void aSecretOtherThanTheOneThatWroteTheDataExitsTwoNamingTheSecret() throws Exception {
        Path file = packaged.database();
        Files.createDirectories(file.getParent());
        // The database records the key check value of the secret that first opened it.
        try (var database = Database.open(file)) {
            KeyCheck.verify(database, Secret.of(Optional.of(SECRET), packaged.folder().resolve("unused.secret")));
        }
        var settings = settings();
        settings.put("SPOTCHECK_SECRET", "another-secret-fedcba9876543210");

        var wrong = check(settings);
        var right = check(settings());

        assertThat(wrong.status()).isEqualTo(2);
        assertThat(oneLine(wrong)).startsWith("spotcheck: SPOTCHECK_SECRET ").doesNotContain("another-secret");
        assertThat(right.status()).as("the same database with its own secret; stderr: %s", right.err()).isZero();
    }

    @Test
    void anApiAddressNothingAnswersAtExitsTwoNamingTheAddress() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var settings = settings();
        settings.put("TELEGRAM_API_URL", "http://127.0.0.1:" + closedPort);

        var run = check(settings);

        assertThat(run.status()).isEqualTo(2);
        assertThat(oneLine(run)).startsWith("spotcheck: TELEGRAM_API_URL:").contains("127.0.0.1:" + closedPort)
                .doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
    }

    @Test
    void theCheckShowsWhereANewSecretFileIsAndThePlacesToGoTheTextsWillName() throws Exception {
        Path services = Files.writeString(packaged.folder().resolve("services.properties"),
                "emergency=999\nes.emergency=112\nclinic=https://clinic.example.org/find\nes.screening_start_age=21\n");
        Path secretFile = packaged.folder().resolve("config/secret");
        var settings = settings();
        settings.remove("SPOTCHECK_SECRET");
        settings.put("SPOTCHECK_SECRET_FILE", secretFile.toString());
        settings.put("SPOTCHECK_SERVICES", services.toString());

        var run = check(settings);

        assertThat(run.status()).as("exit status; stderr: %s", run.err()).isZero();
        assertThat(run.out()).contains("ok       secret: the file " + secretFile + ", created just now",
                "texts    name these places to go (SPOTCHECK_SERVICES), per language:",
                "emergency            en, pt-BR, ru, de, fr, uk, id, tr, hi, ar, fa: 999; es: 112",
                "clinic               https://clinic.example.org/find",
                "urgent               en: the general words \"your local urgent advice line\"",
                "testkit              not named: its texts are left out",
                "screening_start_age  en, pt-BR, ru, de, fr, uk, id, tr, hi, ar, fa: 25; es: 21");
        assertThat(secretFile).isRegularFile();
        var again = check(settings);
        assertThat(again.out()).contains("ok       secret: the file " + secretFile + "\n");
        System.out.printf("--check with a services file:%n%s", again.out());
    }

    @Test
    void aDatabaseNewerThanTheJarFailsTheCheckNamingBothVersions() throws Exception {
        Path file = packaged.database();
        Files.createDirectories(file.getParent());
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }

        var run = check(settings());

        assertThat(run.status()).isEqualTo(2);
        assertThat(oneLine(run)).startsWith("spotcheck: SPOTCHECK_DB: " + file + " has schema version 99, newer than this release's ");
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, String> settings() {
        var settings = packaged.environment();
        settings.put("SPOTCHECK_SECRET", SECRET);
        return settings;
    }

    /** The one line a failed check prints on stderr. */
    private static String oneLine(JarCommand.Run run) {
        var lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("stderr of a failed check").hasSize(1);
        return lines.get(0);
    }

    private JarCommand.Run check(Map<String, String> env) throws IOException, InterruptedException {
        return packaged.command(env, "--check");
    }
}
