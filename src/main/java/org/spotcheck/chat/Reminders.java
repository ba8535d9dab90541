package org.spotcheck.chat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.spotcheck.check.ReminderKind;
import org.spotcheck.store.Usage;
import org.spotcheck.store.ChatStore;
import org.spotcheck.store.Counters;
import org.spotcheck.store.Database;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.text.Renderer;
import org.spotcheck.text.Screen;
import org.spotcheck.text.Texts;

/**
 * Reminder delivery as a use case beside {@link Dialogue}: which reminders are due, and what
 * became of each. Shared by every adapter that can send; none of it touches the network.
 *
 * <p>A due reminder is claimed once ({@link #claimDue}); the adapter then runs the rest in the
 * chat's own order, after anything the chat did before: {@link #stillWanted} sees a /forget or a
 * Cancel that came first, {@link #sent} deletes the reminder and records the message in one
 * transaction, so a /forget that comes after can take it off the phone.
 */
public final class Reminders {

    /** A claimed reminder, ready to be sent to {@code chatId}. */
    public record Claimed(long id, String chatKey, long chatId, ReminderKind kind, Screen screen) {
    }

    /** Due reminders whose chat id does not open (sealed under another secret): dropped, not sent. */
    public record Claims(List<Claimed> ready, int dropped) {
    }

    private final Database database;
    private final ReminderStore reminders;
    private final ChatStore chats = new ChatStore();
    private final Counters counters = new Counters();
    private final Dialogue dialogue;
    private final Texts texts;
    private final Clock clock;

    public Reminders(Database database, ReminderStore reminders, Dialogue dialogue, Texts texts, Clock clock) {
        this.database = database;
        this.reminders = reminders;
        this.dialogue = dialogue;
        this.texts = texts;
        this.clock = clock;
    }

    /** At start-up: claims left by a run that stopped before sending are open again. */
    public void resume() {
        database.inTransaction(c -> {
            reminders.releaseAll(c);
            return null;
        });
    }

    /** Claims what is due now, at most {@code limit}, oldest first. */
    public Claims claimDue(int limit) {
        var due = database.inTransaction(c -> {
            var claimed = reminders.claimDue(c, clock.instant(), limit);
            for (var reminder : claimed) {
                if (reminder.chatId().isEmpty()) {
                    reminders.delete(c, reminder.id());
                }
            }
            return claimed;
        });
        var ready = due.stream().filter(d -> d.chatId().isPresent())
                .map(d -> new Claimed(d.id(), d.chatKey(), d.chatId().get(), d.kind(),
                        Renderer.reminder(d.kind(), texts.in(d.language()))))
                .toList();
        return new Claims(ready, due.size() - ready.size());
    }

    /** In the chat's order, just before sending: false when /forget or Cancel came first. */
    public boolean stillWanted(Claimed reminder) {
        return database.inTransaction(c -> reminders.stillClaimed(c, reminder.id()));
    }

    /** Sent: the reminder is done, and its message is recorded so /forget can delete it. */
    public void sent(Claimed reminder, int messageId) {
        database.inTransaction(c -> {
            reminders.delete(c, reminder.id());
            chats.recordSent(c, reminder.chatKey(), messageId, clock.instant());
            counters.count(c, clock.instant().atZone(ZoneOffset.UTC).toLocalDate(),
                    List.of(Usage.reminderSent(reminder.kind())));
            return null;
        });
    }

    /** Not sent this time; due again at the next round. */
    public void notSent(Claimed reminder) {
        database.inTransaction(c -> {
            reminders.release(c, reminder.id());
            return null;
        });
    }

    /** Telegram refused it for good: dropped. */
    public void refused(Claimed reminder) {
        database.inTransaction(c -> {
            reminders.delete(c, reminder.id());
            return null;
        });
    }

    /** The person blocked the bot: everything of the chat is erased. */
    public void blocked(Claimed reminder) {
        dialogue.erase(reminder.chatKey());
    }
}
