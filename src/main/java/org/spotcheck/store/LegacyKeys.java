package org.spotcheck.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Chats keyed by release 1 (HMAC with the raw secret, table legacy_key) are re-keyed under the
 * current derivation when their chat is next seen: a chat key cannot be recomputed without the
 * chat id, which the database never held. A key leaves the list when its chat is re-keyed or when
 * retention has deleted its rows, so this costs nothing once the old rows are gone (90 days at most).
 */
public final class LegacyKeys {

    private final Database database;
    private final ChatKeys oldKeys;
    private final Secret secret;
    private volatile boolean active;

    public LegacyKeys(Database database, Secret secret) {
        this.database = database;
        this.oldKeys = ChatKeys.legacy(secret);
        this.secret = secret;
        this.active = database.inTransaction(LegacyKeys::anyLeft);
    }

    /** Inside the transaction that first stores something for the chat: moves its old rows to its key. */
    void recognise(Connection c, long chatId, String chatKey) throws SQLException {
        if (!active) {
            return;
        }
        String old = oldKeys.keyFor(chatId);
        if (isLegacy(c, old)) {
            move(c, old, chatKey);
            KeyCheck.adopt(c, secret); // the old key matched: this secret wrote the database
            active = anyLeft(c);
        }
    }

    /** For the console, which stores nothing before a turn: re-keys its chat before the first one. */
    public void recognise(long chatId, String chatKey) {
        if (active) {
            database.inTransaction(c -> {
                recognise(c, chatId, chatKey);
                return null;
            });
        }
    }

    /** Retention: keys whose rows are all gone leave the list. */
    static void expire(Connection c) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM legacy_key WHERE chat_key NOT IN (" + ChatStore.ALL_CHAT_KEYS + ")")) {
            s.executeUpdate();
        }
    }

    /** After a retention run: once the list is empty, nothing is looked up for a new chat any more. */
    public void refresh() {
        if (active && !database.inTransaction(LegacyKeys::anyLeft)) {
            active = false;
        }
    }

    static boolean isLegacy(Connection c, String chatKey) throws SQLException {
        try (var s = c.prepareStatement("SELECT 1 FROM legacy_key WHERE chat_key = ?")) {
            s.setString(1, chatKey);
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    static boolean anyLeft(Connection c) throws SQLException {
        try (var s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM legacy_key)"); var rs = s.executeQuery()) {
            return rs.getInt(1) == 1;
        }
    }

    /** After a rotation: release 1's keys mean nothing under the new secret. */
    static void clear(Connection c) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM legacy_key")) {
            s.executeUpdate();
        }
    }

    /** Moves every row of a chat from its old key to its new one. */
    static void move(Connection c, String from, String to) throws SQLException {
        ChatStore.rekey(c, from, to);
        try (var s = c.prepareStatement("DELETE FROM legacy_key WHERE chat_key = ?")) {
            s.setString(1, from);
            s.executeUpdate();
        }
    }
}
