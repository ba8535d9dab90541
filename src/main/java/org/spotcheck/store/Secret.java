package org.spotcheck.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;


/**
 * The secret behind chat keys and sealing. It comes from SPOTCHECK_SECRET (a passphrase, stretched
 * with PBKDF2) or from a secret file of random bytes kept apart from the data (SPOTCHECK_SECRET_FILE,
 * generated owner-only on the first start). Every key SpotCheck uses is derived from it with HKDF
 * under its own label, so no key serves two purposes.
 *
 * <p>Release 1 used the raw secret itself as the HMAC key; {@link #legacy} keeps that one reachable
 * so an upgraded database loses no chat (see {@link LegacyKeys}).
 */
public final class Secret {

    private static final int GENERATED_BYTES = 32;
    /**
     * The PBKDF2 salt of databases written before salts were kept per deployment (key_check.salt is
     * NULL there), and of a secret made without a database: fixed for the application.
     */
    static final byte[] CONSTANT_SALT = "spotcheck/passphrase/v2".getBytes(StandardCharsets.US_ASCII);
    /** A deployment's own salt: random, kept beside the key check value (KeyCheck.salt). */
    static final int SALT_BYTES = 16;
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    static final int PBKDF2_ITERATIONS = 600_000;
    private static final byte[] HKDF_SALT = "spotcheck/hkdf/v2".getBytes(StandardCharsets.US_ASCII);
    /** Stretching takes a noticeable part of a second; one process derives each passphrase once. */
    private static final Map<String, byte[]> STRETCHED = new ConcurrentHashMap<>();

    private final byte[] master;
    private final byte[] legacy;
    private final Optional<Path> file;
    private final Optional<Path> generatedFile;
    /** The PBKDF2 salt of a passphrase, to record beside the key check value; empty for a file. */
    private final Optional<byte[]> salt;

    private Secret(byte[] master, byte[] legacy, Optional<Path> file, Optional<Path> generatedFile, Optional<byte[]> salt) {
        this.master = master.clone();
        this.legacy = legacy.clone();
        this.file = file;
        this.generatedFile = generatedFile;
        this.salt = salt.map(byte[]::clone);
    }

    /**
     * The passphrase when one is configured; otherwise the secret file, generated if it does not
     * exist yet. A damaged file stops the start ({@link StoreException}, the secret file).
     */
    public static Secret of(Optional<String> passphrase, Path file) {
        return of(passphrase, file, CONSTANT_SALT);
    }

    /** As {@link #of(Optional, Path)}, a passphrase stretched with the deployment's own salt ({@link KeyCheck#salt}). */
    public static Secret of(Optional<String> passphrase, Path file, byte[] salt) {
        if (passphrase.isPresent()) {
            byte[] raw = passphrase.get().getBytes(StandardCharsets.UTF_8);
            return new Secret(stretch(passphrase.get(), salt), raw, Optional.empty(), Optional.empty(), Optional.of(salt));
        }
        if (Files.exists(file)) {
            byte[] raw = read(file);
            return new Secret(raw, raw, Optional.of(file), Optional.empty(), Optional.empty());
        }
        byte[] raw = generate(file);
        return new Secret(raw, raw, Optional.of(file), Optional.of(file), Optional.empty());
    }

    /**
     * A new random passphrase for SPOTCHECK_SECRET (--rotate-secret --passphrase): 32 random bytes in
     * URL-safe Base64, 43 characters, safe to paste into any platform's secret settings.
     */
    public static String newPassphrase() {
        var bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether both are the same secret (compared by their key check values, in constant time). */
    public boolean sameAs(Secret other) {
        return MessageDigest.isEqual(checkValue().getBytes(StandardCharsets.US_ASCII),
                other.checkValue().getBytes(StandardCharsets.US_ASCII));
    }

    /** A secret of fresh random bytes that nothing keeps: for the warm-up's database in memory. */
    public static Secret throwaway() {
        var bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new Secret(bytes, bytes, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Release 1 kept its generated secret beside the database: data/spotcheck.db → data/spotcheck.db.secret. */
    public static Path legacyFileFor(Path database) {
        return database.resolveSibling(database.getFileName() + ".secret");
    }

    private static byte[] read(Path file) {
        try {
            OwnerOnly.tighten(file);
            var bytes = HexFormat.of().parseHex(Files.readString(file).strip());
            if (bytes.length < GENERATED_BYTES) {
                throw new IllegalArgumentException("too short");
            }
            return bytes;
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException(StoreException.Input.SECRET_FILE, ": " + file + " cannot be read as a secret (it must"
                    + " hold at least " + GENERATED_BYTES + " random bytes in hex, e.g. from `openssl rand -hex 32`)");
        }
    }

    /**
     * Writes fresh random bytes to the file and returns them as read back from it. Written beside,
     * forced to the disk, moved into place and the folder forced too, so that once this returns the
     * secret survives a power cut (a rotation commits the database only after this): a crash never
     * leaves a half-written secret, nor data under a secret the disk never got.
     */
    private static byte[] generate(Path file) {
        var bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        try {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            OwnerOnly.createFile(partial);
            try (var out = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var content = ByteBuffer.wrap((HexFormat.of().formatHex(bytes) + "\n").getBytes(StandardCharsets.US_ASCII));
                while (content.hasRemaining()) {
                    out.write(content);
                }
                out.force(true);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            try (var folder = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                folder.force(true); // the rename itself reaches the disk
            }
            byte[] back = read(file);
            if (!MessageDigest.isEqual(back, bytes)) {
                throw new IOException("the file read back differs from what was written");
            }
            return back;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StoreException(StoreException.Input.SECRET_FILE, ": cannot create the secret file " + file
                    + " (" + e.getMessage() + "); point it to a writable place, or use a passphrase instead (README, The secret)");
        }
    }

    private static byte[] stretch(String passphrase, byte[] salt) {
        return STRETCHED.computeIfAbsent(HexFormat.of().formatHex(salt) + ":" + passphrase, p -> {
            try {
                var spec = new PBEKeySpec(passphrase.toCharArray(), salt, PBKDF2_ITERATIONS, 256);
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this Java runtime", e);
            }
        }).clone();
    }

    /** A key for one purpose: HKDF-SHA256 (RFC 5869) of the secret, with the purpose as its info. */
    byte[] key(String label) {
        byte[] prk = hmac(HKDF_SALT, master);
        byte[] info = label.getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[info.length + 1];
        System.arraycopy(info, 0, block, 0, info.length);
        block[info.length] = 1;
        return hmac(prk, block); // 32 bytes: one block of the expansion is all any key here needs
    }

    /** Release 1's key: the secret's bytes as they were, unstretched. Only for reading old rows. */
    byte[] legacy() {
        return legacy.clone();
    }

    /** The file the secret is kept in; empty for a passphrase (and the warm-up's throwaway secret). */
    public Optional<Path> file() {
        return file;
    }

    /** The passphrase's salt, which the database must keep to stretch it the same way again; empty for a file. */
    Optional<byte[]> salt() {
        return salt.map(byte[]::clone);
    }

    /** The file this start generated, if it did: a wrong guess is removed again, not left lying around. */
    public Optional<Path> generatedFile() {
        return generatedFile;
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    /** The key check value the database records: says which secret wrote it, reveals nothing of it. */
    String checkValue() {
        return HexFormat.of().formatHex(key("spotcheck key check v2"), 0, 16);
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
