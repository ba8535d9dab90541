package org.spotcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable inbox. A batch of updates is written in one transaction before the poller may
 * confirm it; each update leaves the inbox in the same transaction as the state change it made.
 * After a crash, {@link #pending} returns exactly what was received and not yet handled.
 */
public final class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    /** One received update of a private chat; {@code event} is the adapter's code for what happened. */
    public record Entry(int updateId, long chatId, String chatKey, String event) {
    }

    private final Database database;
    private final Sealer sealer;
    private final Clock clock;

    public Inbox(Database database, Sealer sealer, Clock clock) {
        this.database = database;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * Stores the entries not seen before and raises the mark to {@code lastUpdateId} (the batch's
     * highest id, groups included). Returns the entries that are new, in order.
     */
    public List<Entry> accept(List<Entry> batch, int lastUpdateId) {
        return database.inTransaction(c -> {
            int mark;
            try (var s = c.prepareStatement("SELECT last_update_id FROM update_mark WHERE id = 1");
                 var rs = s.executeQuery()) {
                mark = rs.getInt(1);
            }
            var fresh = new ArrayList<Entry>();
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR IGNORE INTO inbox (update_id, chat_key, chat_sealed, event, received_at) VALUES (?, ?, ?, ?, ?)")) {
                long now = clock.instant().getEpochSecond();
                for (Entry entry : batch) {
                    if (entry.updateId() <= mark) {
                        continue; // re-delivered after a restart: already received once
                    }
                    s.setInt(1, entry.updateId());
                    s.setString(2, entry.chatKey());
                    s.setBytes(3, sealer.seal(entry.chatId()));
                    s.setString(4, entry.event());
                    s.setLong(5, now);
                    s.addBatch();
                    fresh.add(entry);
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

    /** Updates received but not handled (a crash or a stop came first), oldest first. */
    public List<Entry> pending() {
        var unreadable = new ArrayList<Integer>();
        var entries = database.inTransaction(c -> {
            var found = new ArrayList<Entry>();
            try (var s = c.prepareStatement("SELECT update_id, chat_key, chat_sealed, event FROM inbox ORDER BY update_id");
                 var rs = s.executeQuery()) {
                while (rs.next()) {
                    var chatId = sealer.open(rs.getBytes(3));
                    if (chatId.isPresent()) {
                        found.add(new Entry(rs.getInt(1), chatId.get(), rs.getString(2), rs.getString(4)));
                    } else {
                        unreadable.add(rs.getInt(1));
                    }
                }
            }
            for (int id : unreadable) {
                done(c, id);
            }
            return found;
        });
        if (!unreadable.isEmpty()) {
            log.warn("inbox: {} updates sealed under another secret were dropped", unreadable.size());
        }
        return entries;
    }

    /** Marks the update handled, inside the transaction that applied it. */
    public void done(Connection c, int updateId) throws SQLException {
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
}
