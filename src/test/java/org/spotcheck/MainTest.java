package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    /** Main applies the log settings to the JVM's one logger context (a command keeps it to warnings): undone after each test. */
    private final ch.qos.logback.classic.Logger spotcheck =
            (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.spotcheck");
    private final ch.qos.logback.classic.Level level = spotcheck.getLevel();

    @org.junit.jupiter.api.AfterEach
    void restoreTheLogLevel() {
        spotcheck.setLevel(level);
    }

    /** What the program printed on its error output while running, and its exit status. */
    private record Outcome(int status, String errors) {
    }

    private static Outcome running(IntSupplier program) {
        var original = System.err;
        var captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = program.getAsInt();
            return new Outcome(status, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void withoutATokenTheBotRefusesToStartAndSaysHowToGetOneOrTryTheConsole() {
        var outcome = running(() -> Main.run(List.of(), Map.of()));

        assertThat(outcome.status()).isEqualTo(Main.BAD_SETTINGS);
        assertThat(outcome.errors()).hasLineCount(1)
                .contains("TELEGRAM_BOT_TOKEN").contains("@BotFather").contains("--console");
    }

    @Test
    void aBadLocalServicesFileStopsTheStartBeforeAnythingElse(@TempDir Path dir) throws IOException {
        Path services = Files.writeString(dir.resolve("services.properties"), "en.clinic=http://clinic.example.org\n");
        Path database = dir.resolve("spotcheck.db");

        var outcome = running(() -> Main.run(List.of("--console"),
                Map.of("SPOTCHECK_SERVICES", services.toString(), "SPOTCHECK_DB", database.toString())));

        assertThat(outcome.status()).isEqualTo(Main.BAD_SETTINGS);
        assertThat(outcome.errors()).contains("SPOTCHECK_SERVICES", services.toString(), "en.clinic");
        assertThat(database).doesNotExist();
    }

    @Test
    void aBadLocalServicesFileExitsWithStatus2AndOneLineNamingTheFileAndTheKey(@TempDir Path dir) throws Exception {
        Path services = Files.writeString(dir.resolve("services.properties"), "emergency=999\nxx.emergency=112\n");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--console")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(false);
        process.environment().put("SPOTCHECK_SERVICES", services.toString());
        process.environment().put("SPOTCHECK_DB", dir.resolve("spotcheck.db").toString());
        process.environment().remove("SPOTCHECK_CONFIG");
        var started = process.start();

        assertThat(started.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        String errors = new String(started.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.exitValue()).as(errors).isEqualTo(2);
        assertThat(errors.lines().toList()).hasSize(1).first().asString()
                .startsWith("spotcheck: SPOTCHECK_SERVICES").contains(services.toString(), "xx.emergency");
    }

    @Test
    void anInvalidSettingStopsTheStartBeforeAnythingElse() {
        var outcome = running(() -> Main.run(List.of("--console"), Map.of("TELEGRAM_API_URL", "ftp://example.org")));

        assertThat(outcome.status()).isEqualTo(Main.BAD_SETTINGS);
        assertThat(outcome.errors()).hasLineCount(1).contains("TELEGRAM_API_URL");
    }

    @Test
    void anUnknownConsoleLanguageExitsWithTwoAndCreatesNothing() throws Exception {
        Path database = dir.resolve("data/spotcheck.db");

        var outcome = running(() -> Main.run(List.of("--console", "--lang", "xx"),
                Map.of("SPOTCHECK_DB", database.toString())));

        assertThat(outcome.status()).isEqualTo(Main.BAD_SETTINGS);
        assertThat(outcome.errors().lines().findFirst()).hasValueSatisfying(l -> assertThat(l)
                .startsWith("spotcheck: --lang must be one of en, "));
        try (var left = Files.list(dir)) {
            assertThat(left).as("files created").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--stat", "--json", "-check", "--check --stats", "--console --json", "--stats --lang es",
            "--backup", "--backup --check", "serve", "--check --check"})
    void aCommandLineItDoesNotKnowExitsTwoWithTheUsageBeforeReadingAnySetting(String typed) throws IOException {
        Path database = dir.resolve("data/spotcheck.db");
        // A settings file that cannot be read: reading the settings would say so instead of the usage.
        var settings = Map.of("SPOTCHECK_CONFIG", dir.resolve("missing.properties").toString(),
                "SPOTCHECK_DB", database.toString(), "TELEGRAM_API_URL", "http://127.0.0.1:9");

        var outcome = running(() -> Main.run(List.of(typed.split(" ")), settings));

        assertThat(outcome.status()).isEqualTo(Main.BAD_SETTINGS);
        assertThat(outcome.errors().lines().toList()).first().asString().startsWith("spotcheck: ")
                .doesNotContain("SPOTCHECK_CONFIG");
        assertThat(outcome.errors()).contains("usage: java -jar spotcheck-bot.jar", "--check", "--stats [--json]");
        assertThat(outcome.errors().lines().count()).as("one screen").isLessThan(24);
        try (var left = Files.list(dir)) {
            assertThat(left).as("files created").isEmpty();
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsZeroWithoutReadingTheSettings() {
        var original = System.out;
        var printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = Main.run(List.of("--help"), Map.of("SPOTCHECK_CONFIG", dir.resolve("missing.properties").toString()));
        } finally {
            System.setOut(original);
        }

        assertThat(status).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar spotcheck-bot.jar")
                .contains("--backup FILE");
    }

    @Test
    void aDatabaseNewerThanThisReleaseExitsTwoWithOneLineNamingBothVersionsAndTheRollBack() throws Exception {
        Path database = dir.resolve("spotcheck.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             var statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }

        var outcome = running(() -> Main.run(List.of("--stats"), Map.of("SPOTCHECK_DB", database.toString())));

        assertThat(outcome.status()).isEqualTo(Main.BAD_SETTINGS);
        assertThat(outcome.errors()).hasLineCount(1);
        assertThat(outcome.errors()).startsWith("spotcheck: SPOTCHECK_DB: " + database)
                .contains("schema version 99", "this release's " + org.spotcheck.store.Database.SCHEMA, "backup taken before the upgrade");
    }
}
