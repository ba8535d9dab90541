package org.spotcheck.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the few chat ids SpotCheck must keep to answer later (updates not yet handled,
 * reminders) with AES-GCM, under a key derived from the secret. Without the secret a sealed id
 * is noise; with a different secret it does not open, and {@link #open} says so.
 */
public final class Sealer {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** DRBG: as strong as the default, without its lock on /dev/urandom for every IV. */
    private static final SecureRandom RANDOM = drbg();
    /** A Cipher is not thread-safe and costly to look up; one per thread. */
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    });

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (GeneralSecurityException e) {
            return new SecureRandom();
        }
    }

    private final SecretKeySpec key;

    public Sealer(Secret secret) {
        // A key of its own, so the key behind chat keys is never used for encryption too.
        this(secret.key("spotcheck seal v2"));
    }

    private Sealer(byte[] keyBytes) {
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    /** Release 1's sealing key, only to open rows an upgrade re-seals. */
    static Sealer legacy(Secret secret) {
        return new Sealer(Secret.hmac(secret.legacy(), "spotcheck/seal/v1".getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The associated data a sealed id is bound to: the table and the chat key of its row. A sealed id
     * copied into another row (another chat's, or another table's) does not open there, so a planted
     * row cannot send one chat's reminder or state to another chat.
     */
    static byte[] boundTo(String table, String chatKey) {
        return (table + "/" + chatKey).getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] seal(long chatId, String table, String chatKey) {
        return seal(ByteBuffer.allocate(Long.BYTES).putLong(chatId).array(), boundTo(table, chatKey));
    }

    /** The chat id, or empty when the bytes were sealed under another secret, for another row, or were changed. */
    public Optional<Long> open(byte[] sealed, String table, String chatKey) {
        return openBytes(sealed, boundTo(table, chatKey)).filter(plain -> plain.length == Long.BYTES)
                .map(plain -> ByteBuffer.wrap(plain).getLong());
    }

    /** @param boundTo the associated data, or null for release 1's rows and the rows sealed before it was added */
    byte[] seal(byte[] plain, byte[] boundTo) {
        try {
            var iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            if (boundTo != null) {
                cipher.updateAAD(boundTo);
            }
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    /** @param boundTo the associated data it was sealed with; null only for rows sealed without (see {@link #bindOldRows}) */
    Optional<byte[]> openBytes(byte[] sealed, byte[] boundTo) {
        if (sealed == null || sealed.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            if (boundTo != null) {
                cipher.updateAAD(boundTo);
            }
            return Optional.of(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** The tables that hold a sealed chat id, with their id column. */
    private static final Map<String, String> SEALED = Map.of("reminder", "id", "inbox", "update_id");

    /** A row that holds a sealed chat id: the one place that reads or rewrites chat_sealed in bulk. */
    record SealedRow(String table, String idColumn, long id, String chatKey, byte[] sealed) {

        /** The associated data the row's id is sealed with once bound (see {@link #bindOldRows}). */
        byte[] boundTo() {
            return Sealer.boundTo(table, chatKey);
        }

        /** Replaces the row's sealed chat id (an upgrade, a binding, a rotation). */
        void reseal(Connection c, byte[] sealed) throws SQLException {
            try (var s = c.prepareStatement("UPDATE " + table + " SET chat_sealed = ? WHERE " + idColumn + " = ?")) {
                s.setBytes(1, sealed);
                s.setLong(2, id);
                s.executeUpdate();
            }
        }
    }

    /** Every row, of every table, that holds a sealed chat id. */
    static List<SealedRow> sealedRows(Connection c) throws SQLException {
        var rows = new ArrayList<SealedRow>();
        for (var table : SEALED.entrySet()) {
            try (var s = c.prepareStatement("SELECT " + table.getValue() + ", chat_key, chat_sealed FROM " + table.getKey());
                 var rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SealedRow(table.getKey(), table.getValue(), rs.getLong(1), rs.getString(2), rs.getBytes(3)));
                }
            }
        }
        return rows;
    }

    /**
     * Rows sealed before ids were bound to their row (this release's predecessors) are sealed again,
     * bound to their table and chat key, once the secret is verified; from then on only bound ids open.
     * A row that opens neither way is left for its owner to set aside. Done once ({@link KeyCheck}).
     */
    void bindOldRows(Connection c) throws SQLException {
        for (SealedRow row : sealedRows(c)) {
            if (openBytes(row.sealed(), row.boundTo()).isEmpty()) {
                var plain = openBytes(row.sealed(), null);
                if (plain.isPresent()) {
                    row.reseal(c, seal(plain.get(), row.boundTo()));
                }
            }
        }
    }
}
