package org.spotcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.spotcheck.check.Answer;
import org.spotcheck.check.Check;
import org.spotcheck.check.Question;
import org.spotcheck.check.Restore;

/**
 * The chat table and the bot's message list, keyed by chat key. Methods take the connection of
 * the caller's transaction, so a state change and its bookkeeping commit together.
 */
public final class ChatStore {

    /** Telegram lets a bot delete its own messages in a private chat for 48 hours. */
    static final Duration DELETABLE_FOR = Duration.ofHours(48);

    /** The tables this store owns (their expiry, erasure and re-keying are here). */
    private static final List<String> OWN_TABLES = List.of("bot_message", "chat");

    /**
     * Every table that holds rows of a chat; a new table with a chat_key adds its line here, and its
     * owner's erase and rekey are called from {@link #forget} and {@link #rekey}, so /forget and
     * re-keying miss none.
     */
    private static final List<String> TABLES = List.of("bot_message", "reminder", "episode", "chat", "inbox");

    /** Every chat key in use, as a subquery. */
    static final String ALL_CHAT_KEYS = TABLES.stream().map(t -> "SELECT chat_key FROM " + t)
            .collect(Collectors.joining(" UNION "));

    public Optional<ChatState> load(Connection c, String chatKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT language, check_id, answers, current_question, question_message_id, earlier_check
                FROM chat WHERE chat_key = ?""")) {
            s.setString(1, chatKey);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int checkId = rs.getInt(2);
                // Restore reads checks stored by every release, mapping older answers to today's.
                Optional<Check> check = rs.wasNull() ? Optional.empty() : Optional.of(Restore.check(
                        checkId, rs.getString(3), rs.getString(4),
                        Optional.ofNullable(rs.getString(6)).map(LocalDate::parse)));
                int messageId = rs.getInt(5);
                Optional<Integer> questionMessage = rs.wasNull() ? Optional.empty() : Optional.of(messageId);
                return Optional.of(new ChatState(check, rs.getString(1), questionMessage));
            }
        }
    }

    public void save(Connection c, String chatKey, ChatState state, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO chat (chat_key, language, check_id, answers, current_question,
                                  question_message_id, updated_hour, earlier_check, finished_hour)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (chat_key) DO UPDATE SET
                  language = excluded.language, check_id = excluded.check_id, answers = excluded.answers,
                  current_question = excluded.current_question,
                  question_message_id = excluded.question_message_id, updated_hour = excluded.updated_hour,
                  earlier_check = excluded.earlier_check,
                  -- the 30 days of a finished check count from when it finished: a later change
                  -- (a new language, a moved message) keeps the hour it finished
                  finished_hour = CASE WHEN excluded.finished_hour IS NULL THEN NULL
                                       WHEN chat.check_id = excluded.check_id AND chat.finished_hour IS NOT NULL
                                       THEN chat.finished_hour
                                       ELSE excluded.finished_hour END""")) {
            var check = state.check();
            s.setString(1, chatKey);
            s.setString(2, state.language());
            if (check.isPresent()) {
                s.setInt(3, check.get().id());
            } else {
                s.setNull(3, Types.INTEGER);
            }
            s.setString(4, check.map(ChatStore::answers).orElse(""));
            s.setString(5, check.flatMap(Check::current).map(Question::name).orElse(null));
            if (state.questionMessageId().isPresent()) {
                s.setInt(6, state.questionMessageId().get());
            } else {
                s.setNull(6, Types.INTEGER);
            }
            long hour = now.truncatedTo(ChronoUnit.HOURS).getEpochSecond();
            s.setLong(7, hour);
            s.setString(8, check.flatMap(Check::earlier).map(LocalDate::toString).orElse(null));
            if (check.map(Check::finished).orElse(false)) {
                s.setLong(9, hour);
            } else {
                s.setNull(9, Types.INTEGER);
            }
            s.executeUpdate();
        }
    }

    /**
     * Remembers a message the bot sent, so /forget can take it off the phone later. Its time is
     * kept to the hour, rounded up: /forget then tries every message Telegram may still allow.
     */
    public void recordSent(Connection c, String chatKey, int messageId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT OR IGNORE INTO bot_message (chat_key, message_id, sent_at) VALUES (?, ?, ?)")) {
            s.setString(1, chatKey);
            s.setInt(2, messageId);
            s.setLong(3, now.plus(Duration.ofHours(1)).minusNanos(1).truncatedTo(ChronoUnit.HOURS).getEpochSecond());
            s.executeUpdate();
        }
    }

    /**
     * Deletes every row of the chat and returns the bot's messages that Telegram still lets it
     * delete, newest first.
     */
    public List<Integer> forget(Connection c, String chatKey, Instant now) throws SQLException {
        var deletable = new ArrayList<Integer>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT message_id FROM bot_message WHERE chat_key = ? AND sent_at > ? ORDER BY message_id DESC")) {
            s.setString(1, chatKey);
            s.setLong(2, now.minus(DELETABLE_FOR).getEpochSecond());
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    deletable.add(rs.getInt(1));
                }
            }
        }
        for (String table : OWN_TABLES) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE chat_key = ?")) {
                s.setString(1, chatKey);
                s.executeUpdate();
            }
        }
        ReminderStore.erase(c, chatKey);
        EpisodeStore.erase(c, chatKey);
        Inbox.erase(c, chatKey);
        return deletable;
    }

    /**
     * Retention of this store's own tables: a check in progress 7 days after its last activity, a
     * finished one 30 days after it finished (whatever changed since; a chat with no check holds only
     * its language), the day of a remembered check copied into a chat 90 days after that day, and the
     * bot's messages once Telegram no longer lets them be deleted (a reminder's too, whose check may be
     * gone by then). Returns how many checks were deleted.
     */
    static int expire(Connection c, Instant now, LocalDate rememberedSince) throws SQLException {
        int rows;
        try (PreparedStatement s = c.prepareStatement("""
                DELETE FROM chat WHERE
                  (current_question IS NOT NULL AND updated_hour < ?)
                  OR (current_question IS NULL AND COALESCE(finished_hour, updated_hour) < ?)""")) {
            s.setLong(1, now.minus(Retention.UNFINISHED_CHECK).getEpochSecond());
            s.setLong(2, now.minus(Retention.FINISHED_CHECK).getEpochSecond());
            rows = s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE chat SET earlier_check = NULL WHERE earlier_check < ?")) {
            s.setString(1, rememberedSince.toString());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM bot_message WHERE sent_at < ?")) {
            s.setLong(1, now.minus(DELETABLE_FOR).getEpochSecond());
            s.executeUpdate();
        }
        return rows;
    }

    /** Whether anything at all is stored for any chat. */
    static boolean anyRows(Connection c) throws SQLException {
        try (var s = c.prepareStatement("SELECT EXISTS (" + ALL_CHAT_KEYS + ")"); var rs = s.executeQuery()) {
            return rs.getInt(1) == 1;
        }
    }

    /** Moves a chat's rows to another key (an upgrade's re-keying); rows already under the new key win. */
    static void rekey(Connection c, String from, String to) throws SQLException {
        for (String table : OWN_TABLES) {
            rekey(c, table, from, to);
        }
        ReminderStore.rekey(c, from, to);
        EpisodeStore.rekey(c, from, to);
        Inbox.rekey(c, from, to);
    }

    /**
     * Moves a table's rows from one chat key to another; where the new key has a row already (a
     * primary key conflict), that row wins and the old one is deleted. For each store's own tables.
     */
    static void rekey(Connection c, String table, String from, String to) throws SQLException {
        try (var s = c.prepareStatement("UPDATE OR IGNORE " + table + " SET chat_key = ? WHERE chat_key = ?")) {
            s.setString(1, to);
            s.setString(2, from);
            s.executeUpdate();
        }
        try (var s = c.prepareStatement("DELETE FROM " + table + " WHERE chat_key = ?")) {
            s.setString(1, from);
            s.executeUpdate();
        }
    }

    private static String answers(Check check) {
        return check.answers().values().stream().map(Answer::name).sorted().collect(Collectors.joining(","));
    }

}
