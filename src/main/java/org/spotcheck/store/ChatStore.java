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

    /** Every table that holds rows of a chat; a new table with a chat_key adds its line here. */
    private static final List<String> ERASE = List.of(
            "DELETE FROM bot_message WHERE chat_key = ?",
            "DELETE FROM inbox WHERE chat_key = ?",
            "DELETE FROM reminder WHERE chat_key = ?",
            "DELETE FROM episode WHERE chat_key = ?",
            "DELETE FROM chat WHERE chat_key = ?");

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
                INSERT INTO chat (chat_key, language, check_id, answers, current_question, urgency,
                                  question_message_id, updated_hour, earlier_check)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (chat_key) DO UPDATE SET
                  language = excluded.language, check_id = excluded.check_id, answers = excluded.answers,
                  current_question = excluded.current_question, urgency = excluded.urgency,
                  question_message_id = excluded.question_message_id, updated_hour = excluded.updated_hour,
                  earlier_check = excluded.earlier_check""")) {
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
            s.setString(6, check.filter(Check::finished).map(done -> done.result().urgency().name()).orElse(null));
            if (state.questionMessageId().isPresent()) {
                s.setInt(7, state.questionMessageId().get());
            } else {
                s.setNull(7, Types.INTEGER);
            }
            s.setLong(8, now.truncatedTo(ChronoUnit.HOURS).getEpochSecond());
            s.setString(9, check.flatMap(Check::earlier).map(LocalDate::toString).orElse(null));
            s.executeUpdate();
        }
    }

    /** Remembers a message the bot sent, so /forget can take it off the phone later. */
    public void recordSent(Connection c, String chatKey, int messageId, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT OR IGNORE INTO bot_message (chat_key, message_id, sent_at) VALUES (?, ?, ?)")) {
            s.setString(1, chatKey);
            s.setInt(2, messageId);
            s.setLong(3, now.getEpochSecond());
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
        for (String delete : ERASE) {
            try (PreparedStatement s = c.prepareStatement(delete)) {
                s.setString(1, chatKey);
                s.executeUpdate();
            }
        }
        return deletable;
    }

    private static String answers(Check check) {
        return check.answers().values().stream().map(Answer::name).sorted().collect(Collectors.joining(","));
    }

}
