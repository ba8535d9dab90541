package org.spotcheck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.spotcheck.check.PendingReminder;
import org.spotcheck.check.ReminderKind;

/**
 * Reminders: scheduled by a chat, listed and cancelled by it, claimed and sent when due. A chat
 * has at most one reminder of each kind: choosing again (or tapping twice) replaces it.
 */
public final class ReminderStore {

    /** A reminder that is due, with its chat id opened (or empty if sealed under another secret). */
    public record Due(long id, String chatKey, Optional<Long> chatId, ReminderKind kind, String language) {
    }

    /** Due times of reminders hours or days away are kept to the hour, like every time kept; nobody needs them finer. */
    static final Duration COARSE = Duration.ofHours(1);
    /** Reminder ids are random (below 2^53, safe in any JSON reader), so no id counts the reminders ever set. */
    private static final long IDS = 1L << 53;

    private final Sealer sealer;

    public ReminderStore(Sealer sealer) {
        this.sealer = sealer;
    }

    public void schedule(Connection c, String chatKey, long chatId, ReminderKind kind, String language,
                         Instant now, Duration after) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM reminder WHERE chat_key = ? AND kind = ?")) {
            s.setString(1, chatKey);
            s.setString(2, kind.name());
            s.executeUpdate();
        }
        try (var s = c.prepareStatement(
                "INSERT INTO reminder (id, chat_key, chat_sealed, kind, language, due_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, ThreadLocalRandom.current().nextLong(1, IDS));
            s.setString(2, chatKey);
            s.setBytes(3, sealer.seal(chatId, "reminder", chatKey));
            s.setString(4, kind.name());
            s.setString(5, language);
            s.setLong(6, dueAt(now, after));
            s.executeUpdate();
        }
    }

    /**
     * Rounded up to the hour for delays of an hour or more, so the stored time does not
     * tell when the person tapped; a short delay (the demo's seconds) stays exact.
     */
    static long dueAt(Instant now, Duration after) {
        long due = now.plus(after).getEpochSecond();
        if (after.compareTo(Duration.ofHours(1)) < 0) {
            return due;
        }
        long step = COARSE.toSeconds();
        return Math.floorDiv(due + step - 1, step) * step;
    }

    public List<PendingReminder> pending(Connection c, String chatKey) throws SQLException {
        var found = new ArrayList<PendingReminder>();
        try (var s = c.prepareStatement("SELECT id, kind, due_at FROM reminder WHERE chat_key = ? ORDER BY due_at, id")) {
            s.setString(1, chatKey);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new PendingReminder(rs.getLong(1), ReminderKind.valueOf(rs.getString(2)),
                            Instant.ofEpochSecond(rs.getLong(3))));
                }
            }
        }
        return found;
    }

    /** Cancels a reminder of this chat, claimed or not; another chat's id does nothing. */
    public void cancel(Connection c, String chatKey, long id) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM reminder WHERE id = ? AND chat_key = ?")) {
            s.setLong(1, id);
            s.setString(2, chatKey);
            s.executeUpdate();
        }
    }

    /**
     * Reminders due at {@code now} and not claimed yet, oldest first, at most {@code limit}; they
     * are claimed in the same transaction, so a reminder is handed to its chat's lane once.
     */
    public List<Due> claimDue(Connection c, Instant now, int limit) throws SQLException {
        var found = new ArrayList<Due>();
        try (var s = c.prepareStatement("""
                SELECT id, chat_key, chat_sealed, kind, language FROM reminder
                WHERE due_at <= ? AND claimed = 0 ORDER BY due_at, id LIMIT ?""")) {
            s.setLong(1, now.getEpochSecond());
            s.setInt(2, limit);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Due(rs.getLong(1), rs.getString(2), sealer.open(rs.getBytes(3), "reminder", rs.getString(2)),
                            ReminderKind.valueOf(rs.getString(4)), rs.getString(5)));
                }
            }
        }
        try (var s = c.prepareStatement("UPDATE reminder SET claimed = 1 WHERE id = ?")) {
            for (Due due : found) {
                s.setLong(1, due.id());
                s.executeUpdate();
            }
        }
        return found;
    }

    /** Whether the claimed reminder is still there: /forget or Cancel may have come first. */
    public boolean stillClaimed(Connection c, long id) throws SQLException {
        try (var s = c.prepareStatement("SELECT 1 FROM reminder WHERE id = ? AND claimed = 1")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Not sent this time (Telegram failed): due again at the next round. */
    public void release(Connection c, long id) throws SQLException {
        try (var s = c.prepareStatement("UPDATE reminder SET claimed = 0 WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    /** At start-up: a claim the last run did not finish is open again, so nothing due is lost. */
    public void releaseAll(Connection c) throws SQLException {
        try (var s = c.prepareStatement("UPDATE reminder SET claimed = 0 WHERE claimed = 1")) {
            s.executeUpdate();
        }
    }

    /** /forget: every reminder of the chat, claimed or not. */
    static void erase(Connection c, String chatKey) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM reminder WHERE chat_key = ?")) {
            s.setString(1, chatKey);
            s.executeUpdate();
        }
    }

    /** An upgrade's or a rotation's re-keying of a chat. */
    static void rekey(Connection c, String from, String to) throws SQLException {
        ChatStore.rekey(c, "reminder", from, to);
    }

    /** A delivered (or undeliverable) reminder is deleted at once: nothing is kept after it has done its job. */
    public void delete(Connection c, long id) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM reminder WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }
}
