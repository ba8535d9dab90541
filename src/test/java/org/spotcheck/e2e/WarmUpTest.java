package org.spotcheck.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.Application;
import org.spotcheck.telegram.FakeBotApi;

/**
 * Before its first poll the bot rehearses whole checks with made-up people, so the first burst
 * after a deploy finds the turn path compiled (docs/performance.md). The rehearsal must stay a
 * rehearsal: nothing of it may reach Telegram or the real database.
 */
class WarmUpTest {

    private static final String TOKEN = "5550123:AAHwarmUpTestTokenXq9sYb3nH1cJ0dUg7";
    private static final Pattern WARMED_UP = Pattern.compile("warmed up: (\\d+) turns rehearsed");

    @TempDir
    Path dir;

    private FakeBotApi telegram;
    private Application app;
    private PrintStream originalErr;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void startBot() throws Exception {
        originalErr = System.err;
        var both = new OutputStream() {
            @Override
            public void write(int b) {
                printed.write(b);
                originalErr.write(b);
            }
        };
        System.setErr(new PrintStream(both, true, UTF_8));
        telegram = FakeBotApi.start(TOKEN);
        app = InProcessBot.started(InProcessBot.settings(telegram, TOKEN, dir.resolve("spotcheck.db")));
    }

    @AfterEach
    void stop() {
        try {
            InProcessBot.stop(app, telegram);
        } finally {
            System.setErr(originalErr);
        }
    }

    @Test
    void theBotRehearsesWholeChecksBeforeItFirstPolls() {
        var line = WARMED_UP.matcher(printed.toString(UTF_8));

        assertThat(line.find()).as("the warm-up's line in the log").isTrue();
        assertThat(Integer.parseInt(line.group(1))).as("turns rehearsed").isGreaterThanOrEqualTo(10);
    }

    @Test
    void noMessageOrAnswerOfTheRehearsalReachesTelegram() {
        var methods = telegram.calls().stream().map(FakeBotApi.Call::method).toList();

        assertThat(methods).doesNotContain("sendMessage", "editMessageText", "answerCallbackQuery", "deleteMessage");
    }

    @Test
    void theRehearsalLeavesNoRowInTheRealDatabase() throws Exception {
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("spotcheck.db"));
             var s = db.createStatement()) {
            for (String table : List.of("chat", "bot_message", "inbox", "reminder", "episode", "usage_week")) {
                try (var rows = s.executeQuery("SELECT count(*) FROM " + table)) {
                    assertThat(rows.getInt(1)).as("rows in " + table).isZero();
                }
            }
        }
    }
}
