package org.spotcheck.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Secret;
import org.spotcheck.telegram.FakeBotApi.FakeMessage;
import org.spotcheck.telegram.FakeBotApi;
import org.spotcheck.telegram.TelegramBot;

import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * What the process prints while people use the bot, failures included, must not say who they are:
 * no chat id, no name, no username, and never the bot token or a part of it (privacy.md, Logs).
 * Everything written to System.out and System.err is captured from before the bot starts.
 */
class LogPrivacyTest {

    /** Each test has its own token, so each shows that its own token is hidden. */
    private static final String BOT_ID = "7310048213";
    private static final String SECRET_PART = "AAFqL9xkX2mZp4vT8wQeR6sYb3nH1cJ0dUg";
    private static final String TOKEN = BOT_ID + ":" + SECRET_PART;
    private static final String OTHER_TOKEN = "7310048:AAGw5rTnB8vKq2XmZ4cJ7pLs9dF3hY6eN1o";
    private static final long CHAT = 718_293_645L;
    private static final long GROUP = -1_001_987_654_321L;
    private static final Duration A_FEW_SECONDS = Duration.ofSeconds(4);
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final BotAgainstStandIn bot = new BotAgainstStandIn(TOKEN).startedByTheTest();

    private Level levelBefore;
    private PrintStream originalErr;
    private PrintStream originalOut;
    private Capture captured;

    @BeforeEach
    void captureEverythingPrinted() {
        // Debug lines are where a careless id would show.
        levelBefore = spotcheckLogger().getLevel();
        spotcheckLogger().setLevel(Level.DEBUG);
        originalErr = System.err;
        originalOut = System.out;
        captured = new Capture();
        System.setErr(new PrintStream(captured.tee(originalErr), true, UTF_8));
        System.setOut(new PrintStream(captured.tee(originalOut), true, UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
        spotcheckLogger().setLevel(levelBefore);
    }

    @Test
    void nothingPrintedDuringAFlakyFullCheckNamesThePersonTheirChatOrTheToken() throws Exception {
        startBot(TOKEN);
        // Retries of a send, a getUpdates outage with its stack trace, then one call in ten failing.
        bot.telegram().failNext("sendMessage", 429, null, 1);
        bot.telegram().failNext("sendMessage", 502, FakeBotApi.NGINX_502, null);
        bot.telegram().failNext("getUpdates", 502, FakeBotApi.NGINX_502, null);
        bot.telegram().setFaultRate(0.10, 7L);
        long deadline = System.nanoTime() + BOUND.toNanos();

        var person = new TelegramPerson(bot.telegram(), CHAT);
        person.startsTheCheckPatiently(A_FEW_SECONDS, deadline);
        var question = person.currentQuestion();
        // A forged tap whose data carries the person's name and chat id: it must not be echoed.
        int editsBefore = bot.telegram().calls("editMessageText").size();
        tap(question, "Alice:" + CHAT + ":alice_test");
        await(() -> bot.telegram().calls("editMessageText").size() > editsBefore, "the forged tap to be handled");
        // An error path: Telegram refuses the edit for good, so the question is sent anew.
        bot.telegram().failNext("editMessageText", 400, "Bad Request: can't parse entities: unsupported start tag", null);
        bot.telegram().queueRawUpdate(rawTap(question, bot.telegram().buttonsData(CHAT, question.messageId()).get(2)));
        // A group message from the same person.
        bot.telegram().sendGroupText(GROUP, CHAT, "/start");
        bot.telegram().awaitCall("sendMessage", c -> c.body().path("chat_id").asLong() == GROUP, BOUND);
        person.answersPatiently((number, count) -> count - 1, A_FEW_SECONDS, deadline);
        await(() -> captured.text().contains("edit failed"), "the refused edit in the log");
        bot.stop();

        var lines = captured.lines();
        assertThat(lines).as("captured output").anyMatch(l -> l.contains("polling for updates"));
        assertThat(lines).as("debug lines").anyMatch(l -> l.contains("DEBUG org.spotcheck"));
        for (String secret : List.of(TOKEN, BOT_ID, SECRET_PART, Long.toString(CHAT),
                Long.toString(Math.abs(GROUP)), "Alice", "alice_test")) {
            assertThat(lines).as("lines printed that contain %s", secret).noneMatch(l -> l.contains(secret));
        }
    }

    @Test
    void anUndeliveredReplyIsPrintedWithItsUpdateIdAndNoChatId() throws Exception {
        startBot(OTHER_TOKEN);
        var person = new TelegramPerson(bot.telegram(), CHAT + 1);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");

        bot.telegram().failNext("editMessageText", 400, "Bad Request: can't parse entities: unsupported start tag", null);
        bot.telegram().failNext("sendMessage", 400, "Bad Request: can't parse entities: unsupported start tag", null);
        var question = person.currentQuestion();
        long update = bot.telegram().queueRawUpdate(rawTap(question, bot.telegram().buttonsData(CHAT + 1, question.messageId()).get(2)));

        await(() -> captured.lines().stream().anyMatch(l -> l.contains("update " + update + " chat ")),
                "a line naming update " + update + " as not delivered");
        assertThat(captured.lines()).filteredOn(l -> l.contains("update " + update + " chat "))
                .allSatisfy(l -> assertThat(l).doesNotContain(Long.toString(CHAT + 1)));
    }

    @Test
    void aChatsLogTagIsNoPartOfItsStoredKeyAndNoLineIsTimedFinerThanTheHour() throws Exception {
        startBot(OTHER_TOKEN);
        var person = new TelegramPerson(bot.telegram(), CHAT + 2);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        await(() -> captured.lines().stream().anyMatch(l -> l.matches(".* chat [0-9a-f]{8}: applied")), "an applied update");
        bot.stop();

        var secret = Secret.of(java.util.Optional.empty(), bot.secretFile());
        String chatKey = new ChatKeys(secret).keyFor(CHAT + 2);
        var tags = new java.util.HashSet<String>();
        var tag = java.util.regex.Pattern.compile(" chat ([0-9a-f]{8})");
        var logLines = captured.lines().stream().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT.*")).toList();
        logLines.forEach(l -> tag.matcher(l).results().forEach(m -> tags.add(m.group(1))));

        assertThat(tags).as("chat tags logged").isNotEmpty().allSatisfy(t -> assertThat(chatKey).doesNotContain(t));
        assertThat(logLines).as("log lines").isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:00Z \\[.*"));
    }

    // ---------------------------------------------------------------- helpers

    private void startBot(String token) throws Exception {
        // With the warm-up: what the rehearsal prints is printed too, and must say no more.
        bot.withToken(token).start(TelegramBot.WarmUp.REHEARSE);
    }

    private void tap(FakeMessage message, String data) {
        String query = bot.telegram().sendCallback(message.chatId(), message.messageId(), data);
        bot.telegram().awaitCall("answerCallbackQuery", c -> c.body().path("callback_query_id").asText().equals(query), BOUND);
    }

    /** A tap as Telegram sends it, with a query id of its own (answering it fails, as for a late tap). */
    private static String rawTap(FakeMessage message, String data) {
        var person = JSON.createObjectNode().put("id", message.chatId()).put("is_bot", false)
                .put("first_name", "Alice").put("username", "alice_test").put("language_code", "en");
        var update = JSON.createObjectNode();
        var query = update.putObject("callback_query").put("id", "4410000000000000001");
        query.set("from", person);
        var shown = query.putObject("message").put("message_id", message.messageId());
        shown.putObject("from").put("id", 7_310_000_000L).put("is_bot", true).put("first_name", "SpotCheck")
                .put("username", "spotcheck_test_bot");
        shown.putObject("chat").put("id", message.chatId()).put("type", "private")
                .put("first_name", "Alice").put("username", "alice_test");
        shown.put("date", Instant.now().getEpochSecond()).put("text", message.text());
        query.put("chat_instance", "-5512000000000000001").put("data", data);
        return update.toString();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        Awaitility.await().atMost(BOUND).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                .untilAsserted(() -> assertThat(condition.getAsBoolean()).as(what).isTrue());
    }

    private static Logger spotcheckLogger() {
        return (Logger) LoggerFactory.getLogger("org.spotcheck");
    }

    /** Everything written through the streams it makes, kept and passed on. */
    private static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        OutputStream tee(PrintStream onward) {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    synchronized (Capture.this) {
                        bytes.write(b);
                    }
                    onward.write(b);
                }

                @Override
                public void write(byte[] b, int offset, int length) {
                    synchronized (Capture.this) {
                        bytes.write(b, offset, length);
                    }
                    onward.write(b, offset, length);
                }

                @Override
                public void flush() {
                    onward.flush();
                }
            };
        }

        synchronized String text() {
            return bytes.toString(UTF_8);
        }

        List<String> lines() {
            return new ArrayList<>(List.of(text().split("\\R")));
        }
    }
}
