package org.spotcheck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key check value (table key_check): the database remembers which secret wrote it, so a start
 * with another secret is refused before anything is read or written, instead of silently making
 * every chat, reminder and remembered check unreachable, /forget included.
 *
 * <p>A database from release 1 has no value yet. It adopts the current one only when it has no
 * rows, or when its rows prove they were written by this secret: a sealed chat id (a reminder, an
 * unhandled update) that opens. Those rows are re-sealed and their chats re-keyed at once. Without
 * such proof the value is adopted later, when a chat of the old kind is recognised ({@link LegacyKeys}).
 */
public final class KeyCheck {

    private static final Logger log = LoggerFactory.getLogger(KeyCheck.class);

    private KeyCheck() {
    }

    /** At start-up, before anything else touches the rows. Throws a {@link StoreException} for a wrong secret. */
    public static void verify(Database database, Secret secret) {
        try {
            database.inTransaction(c -> {
                Optional<String> stored = stored(c);
                if (stored.isPresent()) {
                    if (!stored.get().equals(secret.checkValue())) {
                        throw wrong(secret);
                    }
                } else if (!ChatStore.anyRows(c)) {
                    adopt(c, secret);
                } else {
                    upgrade(c, secret);
                }
                bindOnce(c, secret);
                return null;
            });
        } catch (StoreException e) {
            secret.generatedFile().ifPresent(KeyCheck::removeGuess);
            throw e;
        }
    }

    /**
     * Binds the sealed ids written before ids were bound to their row, the first time the secret is
     * verified; never again after that, so an unbound id planted later stays shut. A release 1 database
     * whose secret no row has proven yet has no key check row to mark: it binds at every start until then.
     */
    private static void bindOnce(Connection c, Secret secret) throws SQLException {
        try (var s = c.prepareStatement("SELECT ids_bound FROM key_check WHERE id = 1"); var rs = s.executeQuery()) {
            if (rs.next() && rs.getInt(1) == 1) {
                return;
            }
        }
        new Sealer(secret).bindOldRows(c);
        try (var s = c.prepareStatement("UPDATE key_check SET ids_bound = 1 WHERE id = 1")) {
            s.executeUpdate();
        }
    }

    /** Re-seals what release 1 sealed and re-keys those chats; adopts the value if the rows prove the secret. */
    private static void upgrade(Connection c, Secret secret) throws SQLException {
        var oldSealer = Sealer.legacy(secret);
        var newSealer = new Sealer(secret);
        var newKeys = new ChatKeys(secret);
        var sealed = Sealer.sealedRows(c);
        boolean proven = false;
        for (Sealer.SealedRow row : sealed) {
            var old = oldSealer.openBytes(row.sealed(), null).filter(p -> p.length == Long.BYTES)
                    .map(p -> java.nio.ByteBuffer.wrap(p).getLong());
            if (old.isPresent()) {
                proven = true;
                String newKey = newKeys.keyFor(old.get());
                row.reseal(c, newSealer.seal(old.get(), row.table(), newKey));
                LegacyKeys.move(c, row.chatKey(), newKey);
            } else if (newSealer.openBytes(row.sealed(), null).isPresent()
                    || newSealer.openBytes(row.sealed(), row.boundTo()).isPresent()) {
                proven = true; // written since the upgrade, under this secret
            }
        }
        if (!sealed.isEmpty() && !proven) {
            throw wrong(secret);
        }
        // The console is chat 0: its old key, if present, proves the secret as well.
        String console = ChatKeys.legacy(secret).keyFor(0);
        if (LegacyKeys.isLegacy(c, console)) {
            LegacyKeys.move(c, console, newKeys.keyFor(0));
            proven = true;
        }
        if (proven || !LegacyKeys.anyLeft(c)) {
            adopt(c, secret);
        } else {
            log.warn("the database holds chats from release 1 and nothing yet proves which secret wrote them;"
                    + " the key check value is recorded when one of them is seen again");
        }
    }

    private static Optional<String> stored(Connection c) throws SQLException {
        try (var s = c.prepareStatement("SELECT value FROM key_check WHERE id = 1"); var rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /**
     * The PBKDF2 salt to stretch this database's passphrase with: the one recorded beside the key check
     * value; the application's constant one for a database written before salts were kept (or one with
     * rows and no value yet, from release 1); a new random one for a database with nothing in it yet,
     * recorded when the secret is adopted.
     */
    public static byte[] salt(Database database) {
        return database.inTransaction(c -> {
            try (var s = c.prepareStatement("SELECT salt FROM key_check WHERE id = 1"); var rs = s.executeQuery()) {
                if (rs.next()) {
                    byte[] salt = rs.getBytes(1);
                    return salt == null ? Secret.CONSTANT_SALT.clone() : salt;
                }
            }
            return ChatStore.anyRows(c) ? Secret.CONSTANT_SALT.clone() : newSalt();
        });
    }

    /** A fresh random salt, for a new database or a rotation to a new passphrase. */
    public static byte[] newSalt() {
        var salt = new byte[Secret.SALT_BYTES];
        new java.security.SecureRandom().nextBytes(salt);
        return salt;
    }

    /** After a rotation: the new secret's value (and a new passphrase's salt) replaces the old one's. */
    static void replace(Connection c, Secret next) throws SQLException {
        try (var s = c.prepareStatement("UPDATE key_check SET value = ?, salt = ? WHERE id = 1")) {
            s.setString(1, next.checkValue());
            s.setBytes(2, next.salt().orElse(null));
            s.executeUpdate();
        }
    }

    /** Records the current secret's value (and a passphrase's salt), unless one is recorded already. */
    static void adopt(Connection c, Secret secret) throws SQLException {
        try (var s = c.prepareStatement("INSERT OR IGNORE INTO key_check (id, value, salt) VALUES (1, ?, ?)")) {
            s.setString(1, secret.checkValue());
            s.setBytes(2, secret.salt().orElse(null));
            if (s.executeUpdate() > 0) {
                log.info("key check value recorded: this database now refuses any other secret");
            }
        }
    }

    private static StoreException wrong(Secret secret) {
        String missing = secret.generatedFile().isPresent()
                ? " The secret file did not exist: restore the one this database was written with." : "";
        String detail = " is not the secret this database was written with; nothing was changed." + missing
                + " Start with the right secret, or see \"Rotating the secret\" in README.md.";
        return secret.file().map(file -> new StoreException(StoreException.Input.SECRET_FILE, " (" + file + ")" + detail))
                .orElseGet(() -> new StoreException(StoreException.Input.PASSPHRASE, detail));
    }

    private static void removeGuess(java.nio.file.Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            log.warn("could not remove the secret file generated just now: {}", e.getMessage());
        }
    }
}
