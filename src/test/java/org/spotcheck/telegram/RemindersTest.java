package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spotcheck.MutableClock;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.chat.Reminders;
import org.spotcheck.check.Action;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Input;
import org.spotcheck.check.ReminderKind;
import org.spotcheck.log.Redactor;
import org.spotcheck.store.Usage;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Counters;
import org.spotcheck.store.Database;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Secret;
import org.spotcheck.store.Usage;
import org.spotcheck.text.Messages;
import org.spotcheck.text.Texts;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Doctor reminders on a real database and the Bot API stand-in, with a clock the test moves:
 * nothing sleeps to let time pass.
 */
class RemindersTest {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final String SECRET = "reminders-test-secret-0123456789";
    private static final long CHAT = 555_444_333L;
    private static final Messages EN = Messages.load("en");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private FakeBotApi telegram;
    private Database database;
    private ReminderStore reminders;
    private Dialogue dialogue;
    private String chatKey;

    private final ChatLanes lanes = new ChatLanes(2, 100, 10);

    @BeforeEach
    void open() {
        telegram = FakeBotApi.start(TOKEN);
        openDatabase(SECRET);
    }

    private void openDatabase(String secret) {
        var path = dir.resolve("spotcheck.db");
        database = Database.open(path);
        var keys = Secret.of(Optional.of(secret), path);
        reminders = new ReminderStore(new Sealer(keys));
        dialogue = new Dialogue(database, reminders, Texts.load(), clock, List.of(Duration.ofDays(2), Duration.ofDays(7)));
        chatKey = new ChatKeys(keys).keyFor(CHAT);
    }

    @AfterEach
    void close() {
        lanes.close();
        database.close();
        telegram.close();
    }

    private ReminderDelivery delivery() {
        var client = new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", telegram.port(), false));
        var api = new BotApi(client, new Redactor(TOKEN), d -> { }, (d, task) -> task.run(), Runnable::run);
        return new ReminderDelivery(new Reminders(database, reminders, dialogue, Texts.load(), clock), api, lanes, d -> { });
    }

    private Dialogue.Outcome tap(Action action) {
        return dialogue.take(chatKey, OptionalLong.of(CHAT), new Input.Tap(action), "en", java.util.OptionalInt.empty());
    }

    private void finishACheck() {
        var outcome = tap(new Action.Begin());
        for (var answer : List.of(Answer.EMERGENCY_NONE, Answer.AGE_25_39, Answer.SITUATION_NONE, Answer.IN_A_ROW,
                Answer.BETWEEN_NO, Answer.BIRTH_CONTROL_NO, Answer.PAIN_NO, Answer.DISCHARGE_NO, Answer.STI_RISK_NO,
                Answer.SCREENING_NORMAL)) {
            outcome = tap(new Action.Choose(outcome.state().check().orElseThrow().id(), answer.question(), answer));
        }
    }

    private List<FakeBotApi.Call> remindersSent() {
        return telegram.calls("sendMessage").stream()
                .filter(c -> c.body().path("text").asText().equals(EN.get("reminder.doctor.text"))).toList();
    }

    @Test
    void aDueReminderIsSentOnce() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        clock.advance(Duration.ofDays(2));

        assertThat(delivery().deliverDue()).isEqualTo(1);
        assertThat(delivery().deliverDue()).isZero();
        assertThat(remindersSent()).hasSize(1);
        assertThat(remindersSent().get(0).body().path("chat_id").asLong()).isEqualTo(CHAT);
    }

    @Test
    void aReminderIsNotSentBeforeItIsDue() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(7)));
        clock.advance(Duration.ofDays(6));

        assertThat(delivery().deliverDue()).isZero();
        assertThat(remindersSent()).isEmpty();
    }

    @Test
    void aReminderThatFellDueWhileTheBotWasDownIsSentAtTheNextStart() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        database.close();
        clock.advance(Duration.ofDays(3)); // the bot was down when it fell due
        openDatabase(SECRET);

        assertThat(delivery().deliverDue()).isEqualTo(1);
    }

    @Test
    void theFirstLineOfAReminderCarriesNoHealthWords() {
        for (var kind : ReminderKind.values()) {
            String firstLine = EN.get("reminder." + kind.key() + ".text").split("\n")[0].toLowerCase();
            assertThat(firstLine).doesNotContain("bleed", "blood", "sex", "doctor", "sti", "std", "period",
                    "pregnan", "cervi", "infection", "gyn", "clinic", "cancer", "discharge", "health");
        }
    }

    @Test
    void aDeliveredReminderHasWorkingButtons() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        clock.advance(Duration.ofDays(2));
        delivery().deliverDue();

        var sent = remindersSent().get(0).body().path("reply_markup").toString();
        assertThat(sent).contains("rem:booked", "rem:later:d", "rem:stop");
        assertThat(tap(new Action.ReminderBooked()).screens().get(0).html()).isEqualTo(EN.get("page.reminder_booked"));
    }

    @Test
    void remindMeAgainLaterSchedulesANewReminder() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        clock.advance(Duration.ofDays(2));
        delivery().deliverDue();

        tap(new Action.ReminderLater(ReminderKind.DOCTOR));
        clock.advance(Duration.ofDays(2));

        assertThat(delivery().deliverDue()).isEqualTo(1);
        assertThat(remindersSent()).hasSize(2);
    }

    @Test
    void stopEndsTheReminders() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        clock.advance(Duration.ofDays(2));
        delivery().deliverDue();

        tap(new Action.ReminderStop());
        clock.advance(Duration.ofDays(30));

        assertThat(delivery().deliverDue()).isZero();
        assertThat(pendingReminders()).isZero();
    }

    @Test
    void cancellingFromTheListRemovesThePendingReminder() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(7)));
        var list = dialogue.take(chatKey, OptionalLong.of(CHAT), new Input.Typed(Input.Command.REMINDERS), "en", java.util.OptionalInt.empty());
        var cancel = list.screens().get(0).keyboard().get(0).get(0).action();

        tap(cancel);

        assertThat(pendingReminders()).isZero();
    }

    @Test
    void aChatCannotCancelAnotherChatsReminder() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(7)));
        long id = database.inTransaction(c -> reminders.pending(c, chatKey)).get(0).id();

        dialogue.take("another-chat-key-0000", OptionalLong.of(1), new Input.Tap(new Action.CancelReminder(id)), "en", java.util.OptionalInt.empty());

        assertThat(pendingReminders()).isEqualTo(1);
    }

    @Test
    void forgetRemovesPendingReminders() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        tap(new Action.ForgetConfirm());
        clock.advance(Duration.ofDays(3));

        assertThat(delivery().deliverDue()).isZero();
        assertThat(pendingReminders()).isZero();
    }

    @Test
    void tappingAReminderChoiceAgainKeepsOneReminder() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        tap(new Action.RemindIn(Duration.ofDays(2)));
        tap(new Action.RemindIn(Duration.ofDays(7)));

        assertThat(pendingReminders()).isEqualTo(1);
    }

    @Test
    void aChatHasAtMostOneReminderOfEachKind() {
        finishACheck();
        for (int i = 0; i < 5; i++) {
            tap(new Action.RemindIn(i % 2 == 0 ? Duration.ofDays(2) : Duration.ofDays(7)));
            tap(new Action.ReminderLater(ReminderKind.CHECK_IN));
        }

        assertThat(pendingReminders()).isEqualTo(ReminderKind.values().length);
    }

    @Test
    void aReminderDaysAwayIsKeptToTheHourNeverEarlier() {
        clock.advance(Duration.ofMinutes(7).plusSeconds(13));
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));

        long due = database.inTransaction(c -> reminders.pending(c, chatKey)).get(0).due().getEpochSecond();
        assertThat(due).isEqualTo(Instant.parse("2026-11-27T11:00:00Z").getEpochSecond());
    }

    @Test
    void noCounterOfRemindersEverSetIsKept() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));

        boolean counted = database.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'")) {
                if (!rs.next()) {
                    return false;
                }
            }
            try (var rs = c.createStatement().executeQuery("SELECT 1 FROM sqlite_sequence WHERE name = 'reminder'")) {
                return rs.next();
            }
        });
        assertThat(counted).as("a sqlite_sequence row for reminder").isFalse();
    }

    @Test
    void aSentReminderIsDeletedFromThePhoneByForget() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        clock.advance(Duration.ofDays(2));
        delivery().deliverDue();
        int sent = telegram.messages(CHAT).stream().filter(m -> m.text().equals(EN.get("reminder.doctor.text")))
                .findFirst().orElseThrow().messageId();

        var outcome = tap(new Action.ForgetConfirm());

        assertThat(outcome.deletable()).contains(sent);
    }

    @Test
    void aBlockedBotErasesTheChatWhenAReminderIsRefused() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        clock.advance(Duration.ofDays(2));
        telegram.failNext("sendMessage", 403, "Forbidden: bot was blocked by the user", null);

        assertThat(delivery().deliverDue()).isZero();
        assertThat(pendingReminders()).isZero();
        Optional<org.spotcheck.store.ChatState> chat = database.inTransaction(c -> new org.spotcheck.store.ChatStore().load(c, chatKey));
        assertThat(chat).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"401, Unauthorized, 1", "409, 'Conflict: terminated by other getUpdates request', 1",
            "500, Internal Server Error, " + BotApi.MAX_ATTEMPTS})
    void aReminderTheBotCouldNotSendForItsOwnTroubleIsSentAtTheNextRound(int status, String description, int calls) {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        clock.advance(Duration.ofDays(2));
        for (int call = 0; call < calls; call++) {
            telegram.failNext("sendMessage", status, description, null); // 500 is retried until the attempts run out
        }

        assertThat(delivery().deliverDue()).as("the round Telegram failed").isZero();
        assertThat(delivery().deliverDue()).as("the next round").isEqualTo(1);
        assertThat(remindersSent()).hasSize(1);
    }

    @Test
    void theReminderRowHoldsNoChatIdInClear() throws IOException {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(7)));
        database.close();
        var bytes = new String(Files.readAllBytes(dir.resolve("spotcheck.db")), java.nio.charset.StandardCharsets.ISO_8859_1);
        var wal = dir.resolve("spotcheck.db-wal");
        if (Files.exists(wal)) {
            bytes += new String(Files.readAllBytes(wal), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        assertThat(bytes).doesNotContain(Long.toString(CHAT));
        var big = java.nio.ByteBuffer.allocate(8).putLong(CHAT).array();
        assertThat(bytes).doesNotContain(new String(big, java.nio.charset.StandardCharsets.ISO_8859_1));
        var small = java.nio.ByteBuffer.allocate(4).putInt((int) CHAT).array();
        assertThat(bytes).doesNotContain(new String(small, java.nio.charset.StandardCharsets.ISO_8859_1));
        openDatabase(SECRET);
    }

    @Test
    void aReminderSealedUnderAnotherSecretIsDroppedWithoutACrash() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2)));
        database.close();
        openDatabase("a-different-secret-0123456789");
        clock.advance(Duration.ofDays(3));

        assertThat(delivery().deliverDue()).isZero();
        assertThat(remindersSent()).isEmpty();
        assertThat(pendingReminders()).isZero();
    }

    private int pendingReminders() {
        Integer rows = database.inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM reminder")) {
                return rs.getInt(1);
            }
        });
        return rows;
    }

    @Test
    void aDeliveredReminderIsCountedAsSentInTheWeekItIsDelivered() {
        finishACheck();
        tap(new Action.RemindIn(Duration.ofDays(2))); // in 2 days
        clock.advance(Duration.ofDays(2));

        assertThat(delivery().deliverDue()).isEqualTo(1);

        var sent = database.inTransaction(new Counters()::all).stream()
                .filter(d -> d.usage().event() == Usage.Event.REMINDER_SENT).toList();
        assertThat(sent).singleElement().satisfies(d -> {
            assertThat(d.week()).isEqualTo("2026-W48"); // 2026-11-27
            assertThat(d.count()).isEqualTo(1);
            assertThat(d.usage().detail()).isEqualTo("doctor");
        });
    }
}
