package org.spotcheck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import org.spotcheck.check.Urgency;

/** Remembered checks, kept only with the person's consent: the day and the urgency, nothing else. */
public final class EpisodeStore {

    public void remember(Connection c, String chatKey, LocalDate day, Urgency urgency) throws SQLException {
        try (var s = c.prepareStatement("""
                INSERT INTO episode (chat_key, checked_on, urgency) VALUES (?, ?, ?)
                ON CONFLICT (chat_key) DO UPDATE SET checked_on = excluded.checked_on, urgency = excluded.urgency""")) {
            s.setString(1, chatKey);
            s.setString(2, day.toString());
            s.setString(3, urgency.name());
            s.executeUpdate();
        }
    }

    /** /forget: the chat's remembered check. */
    static void erase(Connection c, String chatKey) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM episode WHERE chat_key = ?")) {
            s.setString(1, chatKey);
            s.executeUpdate();
        }
    }

    /** An upgrade's or a rotation's re-keying of a chat; a remembered check already under the new key wins. */
    static void rekey(Connection c, String from, String to) throws SQLException {
        ChatStore.rekey(c, "episode", from, to);
    }

    /** Retention: a remembered check is kept 90 days from its day; returns how many went. */
    static int expire(Connection c, LocalDate since) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM episode WHERE checked_on < ?")) {
            s.setString(1, since.toString());
            return s.executeUpdate();
        }
    }

    /** The day of the remembered check, if one is kept and not older than {@code since}. */
    public Optional<LocalDate> recall(Connection c, String chatKey, LocalDate since) throws SQLException {
        try (var s = c.prepareStatement("SELECT checked_on FROM episode WHERE chat_key = ?")) {
            s.setString(1, chatKey);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                var day = LocalDate.parse(rs.getString(1));
                return day.isBefore(since) ? Optional.empty() : Optional.of(day);
            }
        }
    }
}
