package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.MutableClock;
import org.spotcheck.text.Messages;

/**
 * The real TelegramBots client and poller against a Bot API stand-in on 127.0.0.1: people
 * do the whole check the way they would on a phone.
 */
class TelegramEndToEndTest {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final Messages EN = Messages.load("en");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    final BotAgainstStandIn bot = new BotAgainstStandIn(TOKEN).withClock(clock)
            .withEnvironment("SPOTCHECK_REMINDER_DELAYS", "P2D,P7D");

    @Test
    void theCommandMenuIsRegisteredAtStartUp() {
        var commands = bot.telegram().awaitCall("setMyCommands", c -> true, TelegramPerson.PATIENCE).body().path("commands");
        assertThat(StreamSupport.stream(commands.spliterator(), false).map(c -> c.path("command").asText()))
                .containsExactly("start", "help", "privacy", "forget", "reminders", "language");
    }

    @Test
    void aPersonDoesTheWholeCheckAndGetsTheResult() {
        var person = new TelegramPerson(bot.telegram(), 1001);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        int questionMessage = person.currentQuestion().messageId();

        person.answers(2); // no emergency sign
        person.answers(3); // 25 to 39
        person.answers(4); // none of these situations
        person.answers(2); // more than once in a row
        person.answers(1); // no bleeding between periods
        person.answers(0); // birth control started recently
        person.answers(3); // no pain, not dry
        person.answers(1); // no itching or discharge change
        person.answers(2); // not sure about STIs
        person.answers(0); // screened in the last 3 years, normal

        var result = person.result().orElseThrow();
        assertThat(result.text())
                .contains(EN.get("result.urgency.soon"))
                .contains("<b>" + EN.get("cause.birth_control.name") + "</b>")
                .contains("<b>" + EN.get("cause.sti.name") + "</b>")
                .contains(EN.get("cause.sti.with_birth_control"))
                .contains(EN.get("summary.frequency.in_a_row"));
        assertThat(result.text().indexOf(EN.get("cause.birth_control.name")))
                .isLessThan(result.text().indexOf(EN.get("cause.sti.name")));
        assertThat(result.protectContent()).isTrue();
        assertThat(result.parseMode()).isEqualTo("HTML");
        // One question message, edited in place from question 1 to the end. Its "finished" line goes out
        // beside the result, not before it, so it may land a moment after the result does.
        person.waitFor(() -> bot.telegram().message(1001, questionMessage).orElseThrow().text()
                .equals(EN.get("question.finished")), "the question message turned into the finished line");
        assertThat(bot.telegram().calls("sendMessage").stream()
                .filter(c -> c.body().path("chat_id").asLong() == 1001)
                .filter(c -> c.body().path("text").asText().matches("(?s).*Question \\d+ of \\d+.*"))).hasSize(1);
    }

    @Test
    void theConsentPageReplacesTheWelcomeInPlaceAndCloseTakesItOffTheScreen() {
        var person = new TelegramPerson(bot.telegram(), 1010);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        var welcome = person.screen().get(person.screen().size() - 1);
        assertThat(welcome.protectContent()).as("a page that can turn into the consent page is protected").isTrue();
        int sentBefore = bot.telegram().calls("sendMessage").size();

        person.tapOn(welcome.messageId(), "consent");
        person.waitFor(() -> bot.telegram().message(1010, welcome.messageId()).orElseThrow().text()
                .startsWith(EN.get("page.consent").substring(0, 20)), "the consent page in place of the welcome");
        assertThat(bot.telegram().calls("sendMessage")).as("no new message, so no new notification").hasSize(sentBefore);
        assertThat(bot.telegram().buttonsData(1010, welcome.messageId())).containsExactly("begin", "consent:close");

        person.tapOn(welcome.messageId(), "consent:close");
        person.waitFor(() -> bot.telegram().message(1010, welcome.messageId()).orElseThrow().deleted(), "the page removed");
    }

    @Test
    void everyTapIsAnswered() {
        var person = new TelegramPerson(bot.telegram(), 1002);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        person.answers(2);
        int question = person.currentQuestion().messageId();
        person.taps("wq:g");
        person.tapOn(question, "nonsense-data");
        person.tapOn(question, "a:99:0:0");
        assertThat(bot.telegram().calls("answerCallbackQuery")).hasSize(5);
    }

    @Test
    void theEmergencyAnswerShowsUrgentAdviceAtOnce() {
        var person = new TelegramPerson(bot.telegram(), 1003);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        person.answers(0);
        assertThat(person.lastText()).startsWith(EN.get("result.urgency.now"));
    }

    @Test
    void aStickerMidCheckGetsANudgeAndTheQuestionAgain() {
        var person = new TelegramPerson(bot.telegram(), 1004);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        person.answers(2);
        int before = person.currentQuestion().messageId();
        bot.telegram().sendSticker(1004);
        person.waitFor(() -> person.currentQuestion().messageId() != before, "the question again");
        assertThat(person.currentQuestionNumber()).isEqualTo(2);
        assertThat(person.screen().stream().map(m -> m.text())).contains(EN.get("page.nudge"));
        person.waitFor(() -> bot.telegram().message(1004, before).orElseThrow().deleted(), "the old question deleted");
    }

    @Test
    void aPersonStoppedMidCheckContinuesAfterARestart() throws Exception {
        var person = new TelegramPerson(bot.telegram(), 2002);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        person.answers(2); // no emergency sign
        person.answers(3); // 25 to 39
        person.answers(4); // none of these situations
        person.answers(0); // only this once
        int before = person.currentQuestion().messageId();

        bot.restart();

        // What the restarted bot knows: a sticker brings the question it has on record, anew.
        bot.telegram().sendSticker(2002);
        person.waitFor(() -> person.currentQuestion().messageId() != before, "the question shown again");
        assertThat(person.currentQuestionNumber()).isEqualTo(5);
        int questionMessage = person.currentQuestion().messageId();
        person.answers(1); // no bleeding between periods
        assertThat(person.currentQuestion().messageId()).isEqualTo(questionMessage);
        person.answers(3); // no birth control (after the copper coil)
        person.answers(3); // no pain
        person.answers(1); // no discharge change
        person.answers(1); // no STI risk
        person.answers(0); // screened, normal
        assertThat(person.result().orElseThrow().text()).startsWith(EN.get("result.urgency.watch"))
                .contains(EN.get("result.no_clear_cause"));
        person.waitFor(() -> person.lastText().equals(EN.get("page.ask_remember")), "the offer to remember");
    }

    @Test
    void inAGroupTheBotOnlyPointsToAPrivateChat() {
        bot.telegram().sendGroupText(-500, 3003, "/start");
        var sent = bot.telegram().awaitCall("sendMessage", c -> c.body().path("chat_id").asLong() == -500,
                TelegramPerson.PATIENCE);
        assertThat(sent.body().path("text").asText()).isEqualTo(EN.get("page.group"));
        assertThat(sent.body().path("reply_markup").toString()).contains("https://t.me/spotcheck_test_bot");
    }

    @Test
    void forgetErasesAndDeletesTheBotsMessages() {
        var person = new TelegramPerson(bot.telegram(), 4004);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        person.answers(2);
        person.types("/forget");
        person.waitFor(() -> person.lastText().contains(EN.get("page.forget_ask")), "the confirmation");
        person.taps("forget:yes");
        person.waitFor(() -> person.lastText().equals(EN.get("page.forget_done")), "the erase");
        // The deletions go out beside the confirmation, not before it.
        person.waitFor(() -> person.screen().size() == 1, "every earlier message of the bot deleted");
        assertThat(person.screen()).singleElement().extracting(m -> m.text()).isEqualTo(EN.get("page.forget_done"));
    }

    @Test
    void aReminderSetBeforeARestartArrivesOnceAfterItWithWorkingButtons() throws Exception {
        bot.withEnvironment("SPOTCHECK_REMINDER_DELAYS", "PT3S,P2D").restart();
        var person = new TelegramPerson(bot.telegram(), 5005);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        for (int answer : new int[] {2, 2, 4, 2, 1, 2, 3, 1, 1, 0}) {
            person.answers(answer);
        }
        person.taps("remind");
        person.waitFor(() -> person.lastText().equals(EN.get("remind.choose")), "the reminder delays");
        assertThat(bot.telegram().buttonsData(5005, person.screen().get(person.screen().size() - 1).messageId()))
                .containsExactly("in:PT3S", "in:PT48H");
        person.taps("in:PT3S");
        person.waitFor(() -> person.lastText().startsWith("Okay. I will remind you in 3 seconds"), "the confirmation");

        bot.stop(); // down before it falls due
        clock.advance(Duration.ofSeconds(4));
        bot.start();

        person.waitFor(() -> person.lastText().equals(EN.get("reminder.doctor.text")), "the reminder");
        // Delivery looks for due reminders every second: a second delivery, were there one, would show.
        Awaitility.await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(5)).until(() ->
                person.screen().stream().filter(m -> m.text().equals(EN.get("reminder.doctor.text"))).count() == 1);
        var reminder = person.screen().get(person.screen().size() - 1);
        assertThat(reminder.protectContent()).isTrue();
        assertThat(bot.telegram().buttonsData(5005, reminder.messageId())).containsExactly("rem:booked", "rem:later:d", "rem:stop");
        person.tapOn(reminder.messageId(), "rem:booked");
        person.waitFor(() -> person.lastText().equals(EN.get("page.reminder_booked")), "the encouraging note");
    }

    @Test
    void theRemindersCommandListsAndCancels() {
        var person = new TelegramPerson(bot.telegram(), 6006);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        for (int answer : new int[] {2, 2, 4, 0, 1, 2, 3, 1, 1, 0}) {
            person.answers(answer);
        }
        person.taps("remind");
        person.waitFor(() -> person.lastText().equals(EN.get("remind.choose")), "the reminder delays");
        person.taps("in:PT168H");
        person.waitFor(() -> person.lastText().startsWith("Okay. I will remind you in 7 days"), "the confirmation");
        person.types("/reminders");
        person.waitFor(() -> person.lastText().startsWith(EN.get("reminders.title")), "the list");
        var list = person.screen().get(person.screen().size() - 1);
        assertThat(list.text()).contains("in about 7 days");
        var cancel = bot.telegram().buttonsData(6006, list.messageId()).get(0);
        person.tapOn(list.messageId(), cancel);
        person.waitFor(() -> person.lastText().equals(EN.get("reminders.none")), "the empty list");
    }
}
