package org.spotcheck.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable inbox, and the one owner of its rows. A batch of updates is written in one durable
 * transaction before the poller may confirm it; each update leaves the inbox in the same
 * transaction as the state change it made. After a crash or a power cut, {@link #pending} returns
 * exactly what was received and not yet handled.
 *
 * <p>Nothing in a row names anyone: the chat id and the callback query id (Telegram's ids can
 * carry the user id) are sealed together; the time is kept to the hour; a row is gone within a day.
 */
public final class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    /** Telegram keeps an unconfirmed update for a day; an update older than that is stale anyway. */
    public static final Duration KEPT_FOR = Duration.ofDays(1);

    /**
     * One received update of a private chat; {@code event} is the adapter's code for what happened.
     *
     * @param callbackId the callback query to answer, for a tap; stored only sealed
     */
    public record Entry(int updateId, long chatId, String chatKey, String event, Optional<String> callbackId) {
    }

    private final Database database;
    private final Sealer sealer;
    private final LegacyKeys legacyKeys;
    private final Clock clock;

    public Inbox(Database database, Sealer sealer, LegacyKeys legacyKeys, Clock clock) {
        this.database = database;
        this.sealer = sealer;
        this.legacyKeys = legacyKeys;
        this.clock = clock;
    }

    /**
     * Stores the entries not seen before and raises the mark to {@code lastUpdateId} (the batch's
     * highest id, groups included). Returns the entries that are new, in order. Durable: Telegram
     * forgets the batch once this returns.
     */
    public List<Entry> accept(List<Entry> batch, int lastUpdateId) {
        return database.inDurableTransaction(c -> {
            int mark;
            try (var s = c.prepareStatement("SELECT last_update_id FROM update_mark WHERE id = 1");
                 var rs = s.executeQuery()) {
                mark = rs.getInt(1);
            }
            var fresh = new ArrayList<Entry>();
            long hour = clock.instant().truncatedTo(ChronoUnit.HOURS).getEpochSecond();
            for (Entry entry : batch) {
                if (entry.updateId() > mark) { // at or below: re-delivered after a restart, received once already
                    legacyKeys.recognise(c, entry.chatId(), entry.chatKey());
                    fresh.add(entry);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR IGNORE INTO inbox (update_id, chat_key, chat_sealed, event, received_at) VALUES (?, ?, ?, ?, ?)")) {
                for (Entry entry : fresh) {
                    s.setInt(1, entry.updateId());
                    s.setString(2, entry.chatKey());
                    s.setBytes(3, seal(entry));
                    s.setString(4, entry.event());
                    s.setLong(5, hour);
                    s.addBatch();
                }
                s.executeBatch();
            }
            if (lastUpdateId > mark) {
                try (var s = c.prepareStatement("UPDATE update_mark SET last_update_id = ? WHERE id = 1")) {
                    s.setInt(1, lastUpdateId);
                    s.executeUpdate();
                }
            }
            return fresh;
        });
    }

    private byte[] seal(Entry entry) {
        byte[] callback = entry.callbackId().orElse("").getBytes(StandardCharsets.UTF_8);
        return sealer.seal(ByteBuffer.allocate(Long.BYTES + callback.length).putLong(entry.chatId()).put(callback).array(),
                Sealer.boundTo("inbox", entry.chatKey()));
    }

    /**
     * Updates received but not handled (a crash or a stop came first), oldest first. A row that
     * cannot be opened (sealed under another secret, or damaged) is logged and set aside.
     */
    public List<Entry> pending() {
        var found = new ArrayList<Entry>();
        var unreadable = new ArrayList<Integer>();
        database.inTransaction(c -> {
            try (var s = c.prepareStatement("SELECT update_id, chat_key, chat_sealed, event FROM inbox ORDER BY update_id");
                 var rs = s.executeQuery()) {
                while (rs.next()) {
                    var plain = sealer.openBytes(rs.getBytes(3), Sealer.boundTo("inbox", rs.getString(2)))
                            .filter(p -> p.length >= Long.BYTES);
                    if (plain.isEmpty() || rs.getString(4) == null) {
                        unreadable.add(rs.getInt(1));
                        continue;
                    }
                    long chatId = ByteBuffer.wrap(plain.get()).getLong();
                    var callback = new String(Arrays.copyOfRange(plain.get(), Long.BYTES, plain.get().length),
                            StandardCharsets.UTF_8);
                    found.add(new Entry(rs.getInt(1), chatId, rs.getString(2), rs.getString(4),
                            callback.isEmpty() ? Optional.empty() : Optional.of(callback)));
                }
            }
            return null;
        });
        for (int updateId : unreadable) {
            setAside(updateId, "it cannot be opened with this secret");
        }
        return found;
    }

    /** An update that cannot be handled (unreadable, or from a release that wrote it otherwise): logged, then removed. */
    public void setAside(int updateId, String why) {
        log.warn("inbox: update {} set aside unhandled: {}", updateId, why);
        done(updateId);
    }

    /** Marks the update handled, inside the transaction that applied it. */
    public static void done(Connection c, int updateId) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM inbox WHERE update_id = ?")) {
            s.setInt(1, updateId);
            s.executeUpdate();
        }
    }

    /** Marks the update handled on its own, for updates that changed no state. */
    public void done(int updateId) {
        database.inTransaction(c -> {
            done(c, updateId);
            return null;
        });
    }

    /** /forget: the chat's updates not handled yet go too. */
    static void erase(Connection c, String chatKey) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM inbox WHERE chat_key = ?")) {
            s.setString(1, chatKey);
            s.executeUpdate();
        }
    }

    /** An upgrade's or a rotation's re-keying of a chat (update ids are the key, so nothing conflicts). */
    static void rekey(Connection c, String from, String to) throws SQLException {
        try (var s = c.prepareStatement("UPDATE inbox SET chat_key = ? WHERE chat_key = ?")) {
            s.setString(1, to);
            s.setString(2, from);
            s.executeUpdate();
        }
    }

    /** Retention: rows older than {@link #KEPT_FOR}, whatever became of them. */
    static int expire(Connection c, Instant now) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM inbox WHERE received_at < ?")) {
            s.setLong(1, now.minus(KEPT_FOR).getEpochSecond());
            return s.executeUpdate();
        }
    }
}
