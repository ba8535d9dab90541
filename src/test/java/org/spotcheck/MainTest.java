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
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

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
        var outcome = running(() -> Main.run(List.of(), false, Map.of()));

        assertThat(outcome.status()).isEqualTo(Main.BAD_SETTINGS);
        assertThat(outcome.errors()).hasLineCount(1)
                .contains("TELEGRAM_BOT_TOKEN").contains("@BotFather").contains("--console");
    }

    @Test
    void aBadLocalServicesFileStopsTheStartBeforeAnythingElse(@TempDir Path dir) throws IOException {
        Path services = Files.writeString(dir.resolve("services.properties"), "en.clinic=http://clinic.example.org\n");
        Path database = dir.resolve("spotcheck.db");

        var outcome = running(() -> Main.run(List.of("--console"), true,
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
        var outcome = running(() -> Main.run(List.of("--console"), true, Map.of("TELEGRAM_API_URL", "ftp://example.org")));

        assertThat(outcome.status()).isEqualTo(Main.BAD_SETTINGS);
        assertThat(outcome.errors()).hasLineCount(1).contains("TELEGRAM_API_URL");
    }

    @Test
    void anUnknownConsoleLanguageExitsWithTwoAndCreatesNothing() throws Exception {
        Path database = dir.resolve("data/spotcheck.db");

        var outcome = running(() -> Main.run(List.of("--console", "--lang", "xx"), true,
                Map.of("SPOTCHECK_DB", database.toString())));

        assertThat(outcome.status()).isEqualTo(Main.BAD_SETTINGS);
        assertThat(outcome.errors()).hasLineCount(1).contains("--lang").contains("en");
        try (var left = Files.list(dir)) {
            assertThat(left).as("files created").isEmpty();
        }
    }
}
