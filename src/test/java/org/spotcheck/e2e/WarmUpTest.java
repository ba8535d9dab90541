package org.spotcheck.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.sql.DriverManager;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.telegram.FakeBotApi;
import org.spotcheck.telegram.TelegramBot;

/**
 * Before its first poll the bot rehearses whole checks with made-up people, so the first burst
 * after a deploy finds the turn path compiled (docs/performance.md). The rehearsal must stay a
 * rehearsal: nothing of it may reach Telegram or the real database.
 */
class WarmUpTest {

    private static final String TOKEN = "5550123:AAHwarmUpTestTokenXq9sYb3nH1cJ0dUg7";
    private static final Pattern WARMED_UP = Pattern.compile("warmed up: (\\d+) turns rehearsed");

    @RegisterExtension
    final BotAgainstStandIn bot = new BotAgainstStandIn(TOKEN).startedByTheTest();
    private PrintStream originalErr;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void captureWhatIsPrinted() {
        originalErr = System.err;
        var both = new OutputStream() {
            @Override
            public void write(int b) {
                printed.write(b);
                originalErr.write(b);
            }
        };
        System.setErr(new PrintStream(both, true, UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
    }

    @Test
    void theBotRehearsesWholeChecksBeforeItFirstPolls() throws Exception {
        bot.start(TelegramBot.WarmUp.REHEARSE);

        var line = WARMED_UP.matcher(printed.toString(UTF_8));

        assertThat(line.find()).as("the warm-up's line in the log").isTrue();
        assertThat(Integer.parseInt(line.group(1))).as("turns rehearsed").isGreaterThanOrEqualTo(10);
    }

    @Test
    void noMessageOrAnswerOfTheRehearsalReachesTelegram() throws Exception {
        bot.start(TelegramBot.WarmUp.REHEARSE);

        var methods = bot.telegram().calls().stream().map(FakeBotApi.Call::method).toList();

        assertThat(methods).doesNotContain("sendMessage", "editMessageText", "answerCallbackQuery", "deleteMessage");
    }

    @Test
    void theRehearsalLeavesNoRowInTheRealDatabase() throws Exception {
        bot.start(TelegramBot.WarmUp.REHEARSE);

        try (var db = DriverManager.getConnection("jdbc:sqlite:" + bot.database());
             var s = db.createStatement()) {
            for (String table : List.of("chat", "bot_message", "inbox", "reminder", "episode", "usage_week")) {
                try (var rows = s.executeQuery("SELECT count(*) FROM " + table)) {
                    assertThat(rows.getInt(1)).as("rows in " + table).isZero();
                }
            }
        }
    }

    @Test
    void theRehearsalsLinesCarryItsMark() throws Exception {
        bot.start(TelegramBot.WarmUp.REHEARSE);

        // Cut short at its bound, the warm-up says so after the bot has begun polling.
        await("the warm-up's line").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                .until(() -> WARMED_UP.matcher(printed.toString(UTF_8)).find());
        assertThat(printed.toString(UTF_8)).containsPattern("\\[rehearsal\\] " + WARMED_UP.pattern());
    }

    @Test
    void aBotToldToSkipTheWarmUpStartsWithoutRehearsing() throws Exception {
        await("the warm-ups of earlier tests' bots to end").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .pollInSameThread().until(() -> warmUpThreads() == 0);
        int before = printed.size();

        bot.start(TelegramBot.WarmUp.SKIP);

        assertThat(warmUpThreads()).as("warm-up threads").isZero();
        byte[] all = printed.toByteArray();
        var printedSince = new String(all, before, all.length - before, UTF_8);
        assertThat(printedSince).doesNotContain("warmed up").contains("polling for updates");
    }

    private static long warmUpThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("warm-up")).count();
    }
}
