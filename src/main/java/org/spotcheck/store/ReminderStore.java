package org.spotcheck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spotcheck.check.PendingReminder;
import org.spotcheck.check.ReminderKind;

/** Reminders: scheduled by a chat, listed and cancelled by it, sent when due. */
public final class ReminderStore {

    /** A reminder that is due, with its chat id opened (or empty if sealed under another secret). */
    public record Due(long id, String chatKey, Optional<Long> chatId, ReminderKind kind, String language) {
    }

    private final Sealer sealer;

    public ReminderStore(Sealer sealer) {
        this.sealer = sealer;
    }

    public void schedule(Connection c, String chatKey, long chatId, ReminderKind kind, String language, Instant due)
            throws SQLException {
        try (var s = c.prepareStatement(
                "INSERT INTO reminder (chat_key, chat_sealed, kind, language, due_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, chatKey);
            s.setBytes(2, sealer.seal(chatId));
            s.setString(3, kind.name());
            s.setString(4, language);
            s.setLong(5, due.getEpochSecond());
            s.executeUpdate();
        }
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

    /** Cancels a reminder of this chat; another chat's id does nothing. */
    public void cancel(Connection c, String chatKey, long id) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM reminder WHERE id = ? AND chat_key = ?")) {
            s.setLong(1, id);
            s.setString(2, chatKey);
            s.executeUpdate();
        }
    }

    /** Reminders due at {@code now}, oldest first, at most {@code limit}. */
    public List<Due> due(Connection c, Instant now, int limit) throws SQLException {
        var found = new ArrayList<Due>();
        try (var s = c.prepareStatement(
                "SELECT id, chat_key, chat_sealed, kind, language FROM reminder WHERE due_at <= ? ORDER BY due_at, id LIMIT ?")) {
            s.setLong(1, now.getEpochSecond());
            s.setInt(2, limit);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Due(rs.getLong(1), rs.getString(2), sealer.open(rs.getBytes(3)),
                            ReminderKind.valueOf(rs.getString(4)), rs.getString(5)));
                }
            }
        }
        return found;
    }

    /** A delivered (or undeliverable) reminder is deleted at once: nothing is kept after it has done its job. */
    public void delete(Connection c, long id) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM reminder WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }
}
