package org.spotcheck.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The secret behind chat keys and encryption: SPOTCHECK_SECRET when set, otherwise 32 random
 * bytes generated once into an owner-only file beside the database. Losing it only makes old
 * rows unreachable, and those expire anyway.
 */
public final class Secret {

    private static final int GENERATED_BYTES = 32;

    private final byte[] bytes;

    private Secret(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public static Secret of(Optional<String> configured, Path database) {
        if (configured.isPresent()) {
            return new Secret(configured.get().getBytes(StandardCharsets.UTF_8));
        }
        return fromFile(fileFor(database));
    }

    /** The generated secret lives beside the database: data/spotcheck.db → data/spotcheck.db.secret. */
    public static Path fileFor(Path database) {
        return database.resolveSibling(database.getFileName() + ".secret");
    }

    private static Secret fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                OwnerOnly.createFile(file); // tightens a file someone loosened
                var bytes = HexFormat.of().parseHex(Files.readString(file).strip());
                if (bytes.length < GENERATED_BYTES) {
                    throw new IllegalArgumentException("too short");
                }
                return new Secret(bytes);
            }
            var bytes = new byte[GENERATED_BYTES];
            new SecureRandom().nextBytes(bytes);
            // Written beside, then moved into place: a crash never leaves a half-written secret.
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            OwnerOnly.createFile(partial);
            Files.writeString(partial, HexFormat.of().formatHex(bytes) + "\n");
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return new Secret(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the secret file " + file + " is damaged: delete it to make a new one");
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
