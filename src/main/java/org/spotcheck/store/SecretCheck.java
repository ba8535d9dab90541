package org.spotcheck.store;

import java.util.Optional;

/**
 * Whether the secret is the one that wrote the database, for --check. A wrong secret would not
 * fail loudly: chat keys would simply match nothing and sealed chat ids would not open.
 *
 * Seam: this judges by the sealed chat ids already stored (pending reminders, unhandled updates),
 * so a database holding none of them cannot be judged. Where the database records a key check
 * value, compare against it here instead.
 */
public final class SecretCheck {

    /** Enough sealed rows to tell; any one of them opening means the secret is right. */
    private static final int SAMPLE = 5;

    private SecretCheck() {
    }

    /** Why the secret does not fit the database, if it does not. */
    public static Optional<String> mismatch(Database database, Secret secret) {
        var sealer = new Sealer(secret);
        return database.inTransaction(c -> {
            int tried = 0;
            try (var s = c.prepareStatement("""
                    SELECT chat_sealed FROM reminder
                    UNION ALL SELECT chat_sealed FROM inbox LIMIT ?""")) {
                s.setInt(1, SAMPLE);
                try (var rs = s.executeQuery()) {
                    while (rs.next()) {
                        tried++;
                        if (sealer.open(rs.getBytes(1)).isPresent()) {
                            return Optional.<String>empty();
                        }
                    }
                }
            }
            return tried == 0 ? Optional.<String>empty() : Optional.of("it does not open the chat ids sealed in the"
                    + " database: the data was written under another secret");
        });
    }
}
