package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.MutableClock;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.chat.Reminders;
import org.spotcheck.check.Action;
import org.spotcheck.check.Input;
import org.spotcheck.log.Redactor;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Database;
import org.spotcheck.store.Inbox;
import org.spotcheck.store.KeyCheck;
import org.spotcheck.store.LegacyKeys;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Secret;
import org.spotcheck.text.Messages;
import org.spotcheck.text.Texts;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * /forget against a reminder that is due, many times over, with both started at once: whichever
 * the chat's lane takes first, no reminder stays on the person's phone and no row stays behind.
 * The clock is the test's: a reminder falls due when the test says so.
 */
class ReminderRaceTest {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final int REPETITIONS = 150;
    private static final Messages EN = Messages.load("en");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private FakeBotApi telegram;
    private Database database;
    private ChatLanes lanes;
    private Dialogue dialogue;
    private ChatKeys chatKeys;
    private TelegramChat chat;
    private ReminderDelivery delivery;

    @BeforeEach
    void open() {
        telegram = FakeBotApi.start(TOKEN);
        database = Database.open(dir.resolve("spotcheck.db"));
        var secret = Secret.of(Optional.of("reminder-race-test-secret-0123"), dir.resolve("unused"));
        KeyCheck.verify(database, secret);
        var sealer = new Sealer(secret);
        var store = new ReminderStore(sealer);
        var texts = Texts.load();
        chatKeys = new ChatKeys(secret);
        dialogue = new Dialogue(database, store, texts, clock, List.of(Duration.ofDays(2)));
        var client = new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", telegram.port(), false));
        var api = new BotApi(client, new Redactor(TOKEN), d -> { }, (d, task) -> task.run(), Runnable::run);
        var inbox = new Inbox(database, sealer, new LegacyKeys(database, secret), clock);
        lanes = new ChatLanes(4, 1_000, 50);
        chat = new TelegramChat(dialogue, api, texts, inbox, "spotcheck_test_bot", new Redactor(TOKEN));
        delivery = new ReminderDelivery(new Reminders(database, store, dialogue, texts, clock), api, lanes, d -> { });
    }

    @AfterEach
    void close() {
        lanes.close();
        database.close();
        telegram.close();
    }

    @Test
    void aForgetThatArrivesWhileAReminderIsDueNeverLeavesThatReminderOnThePhone() throws Exception {
        for (int i = 0; i < REPETITIONS; i++) {
            long chatId = 5_123_400_000L + i;
            String chatKey = chatKeys.keyFor(chatId);
            take(chatKey, chatId, new Action.Begin());
            take(chatKey, chatId, new Action.RemindIn(Duration.ofDays(2)));
            clock.advance(Duration.ofDays(2).plusMinutes(15));

            raceForgetAgainstDelivery(chatId, chatKey, i);

            // /forget deletes the bot's messages without holding the chat's lane: bounded wait for the deletion.
            int repetition = i;
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).pollInSameThread().untilAsserted(() -> assertThat(visibleReminders(chatId))
                    .as("repetition %d: no reminder left on the phone after /forget", repetition).isZero());
            assertThat(rowsOf(chatKey)).as("repetition %d", i).isZero();
        }
    }

    /** Starts /forget (through the chat's lane, as an update would come) and a delivery round at once. */
    private void raceForgetAgainstDelivery(long chatId, String chatKey, int i) throws Exception {
        var go = new CountDownLatch(1);
        var forgetDone = new CompletableFuture<Void>();
        var forget = new Incoming(1_000 + i, chatId, true, new Input.Tap(new Action.ForgetConfirm()),
                Optional.empty(), Optional.empty(), "en", false);
        var forgetting = new Thread(() -> {
            try {
                go.await();
                lanes.submit(chatId, () -> chat.handle(forget, chatKey).whenComplete((r, e) -> forgetDone.complete(null)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        var delivering = CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delivery.deliverDue();
        });
        forgetting.start();
        go.countDown();
        delivering.get(30, TimeUnit.SECONDS);
        forgetDone.get(30, TimeUnit.SECONDS);
        forgetting.join();
    }

    private void take(String chatKey, long chatId, Action action) {
        dialogue.take(chatKey, OptionalLong.of(chatId), new Input.Tap(action), "en", OptionalInt.empty());
    }

    private long visibleReminders(long chatId) {
        return telegram.messages(chatId).stream()
                .filter(m -> !m.deleted() && EN.get("reminder.doctor.text").equals(m.text())).count();
    }

    private int rowsOf(String chatKey) {
        return database.inTransaction(c -> {
            int rows = 0;
            for (String table : List.of("reminder", "bot_message", "chat")) {
                try (var s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE chat_key = ?")) {
                    s.setString(1, chatKey);
                    try (var rs = s.executeQuery()) {
                        rows += rs.getInt(1);
                    }
                }
            }
            return rows;
        });
    }
}
