package org.spotcheck.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * Moves a database to a new secret (java -jar spotcheck-bot.jar --rotate-secret NEW_FILE or
 * --passphrase, with the bot stopped: Application holds the {@link ServingLock} meanwhile). A chat whose id the database holds sealed (a pending reminder, an unhandled update)
 * is re-keyed and re-sealed under the new secret. Every other chat is erased: the database never
 * held its id, so its key cannot be recomputed, and keeping it under the old secret would keep the
 * old secret useful. Rotating is for a secret that may have leaked; then that is the smaller harm.
 */
public final class SecretRotation {

    /** @param rekeyed chats moved to the new secret; @param erased chats erased */
    public record Outcome(int rekeyed, int erased) {
    }

    private SecretRotation() {
    }

    /** The current secret must be the one that wrote the database; all of it happens in one transaction. */
    public static Outcome rotate(Database database, Secret current, Secret next, Instant now) {
        KeyCheck.verify(database, current);
        var oldSealer = new Sealer(current);
        var newSealer = new Sealer(next);
        var newKeys = new ChatKeys(next);
        // Durable: once this returns, the database is under the new secret even after a power cut.
        var outcome = database.inDurableTransaction(c -> {
            var chatIds = new HashMap<String, Long>();
            for (Sealer.SealedRow row : Sealer.sealedRows(c)) {
                reseal(c, row, oldSealer, newSealer, newKeys, chatIds);
            }
            var moved = new HashSet<String>();
            for (Map.Entry<String, Long> chat : chatIds.entrySet()) {
                String to = newKeys.keyFor(chat.getValue());
                ChatStore.rekey(c, chat.getKey(), to);
                moved.add(to);
            }
            var left = new ArrayList<String>();
            try (var s = c.prepareStatement(ChatStore.ALL_CHAT_KEYS); var rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!moved.contains(rs.getString(1))) {
                        left.add(rs.getString(1));
                    }
                }
            }
            var chats = new ChatStore();
            for (String chatKey : left) {
                chats.forget(c, chatKey, now);
            }
            LegacyKeys.clear(c);
            KeyCheck.replace(c, next);
            return new Outcome(moved.size(), left.size());
        });
        database.checkpoint();
        return outcome;
    }

    /**
     * Re-seals a row's chat id under the new secret and notes whose it is. A row that does not open
     * stays as it is: its chat is not re-keyed, so it is erased with it.
     */
    private static void reseal(Connection c, Sealer.SealedRow row, Sealer from, Sealer to, ChatKeys newKeys,
                               Map<String, Long> chatIds) throws SQLException {
        var plain = from.openBytes(row.sealed(), row.boundTo()).filter(p -> p.length >= Long.BYTES);
        if (plain.isEmpty()) {
            return;
        }
        long chatId = ByteBuffer.wrap(plain.get()).getLong();
        // Bound to the key the row is about to move to (the chat is re-keyed right after).
        row.reseal(c, to.seal(plain.get(), Sealer.boundTo(row.table(), newKeys.keyFor(chatId))));
        chatIds.put(row.chatKey(), chatId);
    }
}
