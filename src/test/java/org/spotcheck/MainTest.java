package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
