package org.spotcheck.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.Dialogue;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Database;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.text.Renderer;
import org.spotcheck.text.Texts;

/**
 * Sends reminders that are due, paced to stay under Telegram's limits (about 30 messages a
 * second overall, one a second per chat). A reminder is deleted once it was sent, so it goes out
 * once; one that fell due while the bot was down goes out at the next start.
 */
public final class ReminderDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

    static final Duration OVERALL_GAP = Duration.ofMillis(1000 / 30 + 1);
    static final Duration SAME_CHAT_GAP = Duration.ofSeconds(1);
    private static final int BATCH = 30;

    private final Database database;
    private final ReminderStore reminders;
    private final Dialogue dialogue;
    private final BotApi api;
    private final Texts texts;
    private final Clock clock;
    private final BotApi.Sleeper sleeper;

    public ReminderDelivery(Database database, ReminderStore reminders, Dialogue dialogue, BotApi api, Texts texts,
                            Clock clock, BotApi.Sleeper sleeper) {
        this.database = database;
        this.reminders = reminders;
        this.dialogue = dialogue;
        this.api = api;
        this.texts = texts;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Sends what is due now, at most a batch (it runs every second, so a backlog drains at
     * Telegram's pace); returns how many reminders were delivered. Never throws.
     */
    public int deliverDue() {
        int delivered = 0;
        try {
            var due = database.inTransaction(c -> reminders.due(c, clock.instant(), BATCH));
            var lastSentTo = new HashMap<String, Long>();
            for (var reminder : due) {
                pace(lastSentTo.get(reminder.chatKey()));
                if (deliver(reminder)) {
                    delivered++;
                }
                lastSentTo.put(reminder.chatKey(), System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the bot is stopping: the rest stay due for the next start
        } catch (RuntimeException e) {
            log.error("reminder delivery stopped: {}", e.getClass().getSimpleName());
        }
        return delivered;
    }

    private boolean deliver(ReminderStore.Due reminder) {
        String chat = ChatKeys.shortForm(reminder.chatKey());
        if (reminder.chatId().isEmpty()) {
            log.warn("reminder {} chat {}: sealed under another secret; it cannot be sent and is dropped",
                    reminder.id(), chat);
            delete(reminder.id());
            return false;
        }
        try {
            int messageId = api.send(reminder.chatId().get(), Renderer.reminder(reminder.kind(), texts.in(reminder.language())));
            delete(reminder.id());
            dialogue.delivered(reminder.chatKey(), List.of(messageId), Optional.empty());
            log.info("reminder {} chat {}: delivered", reminder.id(), chat);
            return true;
        } catch (BotApiException e) {
            switch (e.kind()) {
                case BLOCKED -> {
                    dialogue.erase(reminder.chatKey());
                    log.info("reminder {} chat {}: the bot was blocked; the chat's data is erased", reminder.id(), chat);
                }
                case REFUSED, MESSAGE_GONE -> {
                    delete(reminder.id());
                    log.warn("reminder {} chat {}: refused by Telegram, dropped: {}", reminder.id(), chat, e.getMessage());
                }
                case FAILED -> log.warn("reminder {} chat {}: not sent yet, will retry: {}", reminder.id(), chat, e.getMessage());
            }
            return false;
        }
    }

    private void delete(long id) {
        database.inTransaction(c -> {
            reminders.delete(c, id);
            return null;
        });
    }

    private void pace(Long lastSentToThisChat) throws InterruptedException {
        sleeper.sleep(OVERALL_GAP);
        if (lastSentToThisChat != null) {
            long waited = System.nanoTime() - lastSentToThisChat;
            long rest = SAME_CHAT_GAP.toNanos() - waited;
            if (rest > 0) {
                sleeper.sleep(Duration.ofNanos(rest));
            }
        }
    }
}
