package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.check.Answer;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Secret;
import org.spotcheck.text.Messages;

/**
 * What a stolen data folder shows after people used the bot and then used /forget: several chats
 * with realistic ids, names and callback query ids go through a full check, a remembered check and
 * a delivered reminder, then erase everything. Every file of the data folder (main file, -wal, -shm,
 * the lock) is then searched byte by byte for anything of them, their chat keys and the keys' first
 * 8 characters included, while the bot runs and after it stopped. The other erase paths (a pending
 * reminder and a queued update, blocking, retention, rotation) are searched in EraseForensicsTest.
 */
class DatabaseForensicsTest {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final long[] CHATS = {5_123_456_789L, 5_987_654_321L, 6_012_345_678L};
    /** The stand-in's person, as Telegram sends them with every update: names are never to be kept. */
    private static final List<String> NAMES = List.of("Alice", "alice_test");
    private static final Messages EN = Messages.load("en");

    @RegisterExtension
    final BotAgainstStandIn bot = new BotAgainstStandIn(TOKEN).withEnvironment("SPOTCHECK_REMINDER_DELAYS", "PT3S,P2D");

    @Test
    void afterForgetNoFileOfTheDatabaseHoldsAChatIdANameACallbackIdOrAnErasedAnswer() throws Exception {
        Path data = bot.database().getParent();

        for (long chat : CHATS) {
            checkRememberAndAskForAReminder(new TelegramPerson(bot.telegram(), chat));
        }
        for (long chat : CHATS) {
            var person = new TelegramPerson(bot.telegram(), chat);
            person.waitFor(() -> person.lastText().equals(EN.get("reminder.doctor.text")), "the reminder");
        }
        for (long chat : CHATS) {
            forget(new TelegramPerson(bot.telegram(), chat));
        }
        var needles = needles();

        assertThat(found(needles, data)).as("while the bot runs").isEmpty();
        bot.stop();
        assertThat(found(needles, data)).as("after it stopped").isEmpty();
    }

    private void checkRememberAndAskForAReminder(TelegramPerson person) {
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        // The last answer of each question ("No" to the emergency one): a Soon result, which offers to
        // remember the check and a reminder in days.
        person.answersPatiently((number, answers) -> answers - 1, Duration.ofSeconds(5),
                System.nanoTime() + Duration.ofSeconds(60).toNanos());
        person.taps(button(person, "keep:\\d+:y"));
        person.taps("remind");
        person.waitFor(() -> person.lastText().equals(EN.get("remind.choose")), "the reminder delays");
        person.taps("in:" + Duration.ofSeconds(3)); // the first delay of SPOTCHECK_REMINDER_DELAYS
    }

    private void forget(TelegramPerson person) {
        person.types("/forget");
        person.waitFor(() -> person.lastText().contains(EN.get("page.forget_ask")), "the confirmation");
        person.taps("forget:yes");
        person.waitFor(() -> person.lastText().equals(EN.get("page.forget_done")), "the erase");
    }

    /** The newest button whose data matches, once it is on screen. */
    private String button(TelegramPerson person, String pattern) {
        person.waitFor(() -> newestButton(person, pattern).isPresent(), "a button " + pattern);
        return newestButton(person, pattern).orElseThrow();
    }

    private java.util.Optional<String> newestButton(TelegramPerson person, String pattern) {
        return person.screen().stream()
                .flatMap(m -> bot.telegram().buttonsData(person.chatId, m.messageId()).stream())
                .filter(d -> d.matches(pattern)).reduce((first, second) -> second);
    }

    /** What must not be found, each under a name that says what it is. */
    private Map<String, byte[]> needles() {
        var needles = new LinkedHashMap<String, byte[]>();
        for (long chat : CHATS) {
            needles.put("chat id " + chat, Long.toString(chat).getBytes(StandardCharsets.US_ASCII));
            needles.put("chat id " + chat + " big-endian", ByteBuffer.allocate(8).putLong(chat).array());
            needles.put("chat id " + chat + " little-endian",
                    ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(chat).array());
        }
        var callbackIds = bot.telegram().calls("answerCallbackQuery").stream()
                .map(c -> c.body().path("callback_query_id").asText()).distinct().toList();
        assertThat(callbackIds).as("taps were answered").hasSizeGreaterThan(CHATS.length * 5);
        for (String id : callbackIds) {
            needles.put("callback id " + id, id.getBytes(StandardCharsets.US_ASCII));
        }
        for (String name : NAMES) {
            needles.put("name " + name, name.getBytes(StandardCharsets.UTF_8));
        }
        var keys = new ChatKeys(Secret.of(java.util.Optional.empty(), bot.secretFile()));
        for (long chat : CHATS) {
            String key = keys.keyFor(chat);
            needles.put("chat key of " + chat, key.getBytes(StandardCharsets.US_ASCII));
            needles.put("chat key prefix of " + chat, key.substring(0, 8).getBytes(StandardCharsets.US_ASCII));
        }
        for (Answer answer : Answer.values()) {
            needles.put("answer " + answer, answer.name().getBytes(StandardCharsets.US_ASCII));
        }
        return needles;
    }

    /** The needles found in any file of the database, with the file they are in. */
    private static List<String> found(Map<String, byte[]> needles, Path data) throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return Needles.foundIn(files.filter(Files::isRegularFile).toList(), needles); // every file SQLite (or SpotCheck) wrote there
        }
    }
}
