package org.spotcheck.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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
     * PBKDF2 salt: fixed for the application, because the passphrase is the only input the operator
     * can keep; a fixed salt still forces an attacker to do the stretching for SpotCheck alone.
     */
    private static final byte[] PASSPHRASE_SALT = "spotcheck/passphrase/v2".getBytes(StandardCharsets.US_ASCII);
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    static final int PBKDF2_ITERATIONS = 600_000;
    private static final byte[] HKDF_SALT = "spotcheck/hkdf/v2".getBytes(StandardCharsets.US_ASCII);
    /** Stretching takes a noticeable part of a second; one process derives each passphrase once. */
    private static final Map<String, byte[]> STRETCHED = new ConcurrentHashMap<>();

    private final byte[] master;
    private final byte[] legacy;
    private final Optional<Path> file;
    private final Optional<Path> generatedFile;

    private Secret(byte[] master, byte[] legacy, Optional<Path> file, Optional<Path> generatedFile) {
        this.master = master.clone();
        this.legacy = legacy.clone();
        this.file = file;
        this.generatedFile = generatedFile;
    }

    /**
     * The passphrase when one is configured; otherwise the secret file, generated if it does not
     * exist yet. A damaged file stops the start ({@link StoreException}, the secret file).
     */
    public static Secret of(Optional<String> passphrase, Path file) {
        if (passphrase.isPresent()) {
            byte[] raw = passphrase.get().getBytes(StandardCharsets.UTF_8);
            return new Secret(stretch(passphrase.get()), raw, Optional.empty(), Optional.empty());
        }
        if (Files.exists(file)) {
            byte[] raw = read(file);
            return new Secret(raw, raw, Optional.of(file), Optional.empty());
        }
        byte[] raw = generate(file);
        return new Secret(raw, raw, Optional.of(file), Optional.of(file));
    }

    /** A secret of fresh random bytes that nothing keeps: for the warm-up's database in memory. */
    public static Secret throwaway() {
        var bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new Secret(bytes, bytes, Optional.empty(), Optional.empty());
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

    private static byte[] generate(Path file) {
        var bytes = new byte[GENERATED_BYTES];
        new SecureRandom().nextBytes(bytes);
        try {
            // Written beside, then moved into place: a crash never leaves a half-written secret.
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            OwnerOnly.createFile(partial);
            Files.writeString(partial, HexFormat.of().formatHex(bytes) + "\n");
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return bytes;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StoreException(StoreException.Input.SECRET_FILE, ": cannot create the secret file " + file
                    + " (" + e.getMessage() + "); point it to a writable place, or use a passphrase instead (README, The secret)");
        }
    }

    private static byte[] stretch(String passphrase) {
        return STRETCHED.computeIfAbsent(passphrase, p -> {
            try {
                var spec = new PBEKeySpec(p.toCharArray(), PASSPHRASE_SALT, PBKDF2_ITERATIONS, 256);
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

    /** True when this start created the secret file: the operator keeps it from now on, apart from the data. */
    public boolean createdNow() {
        return generatedFile.isPresent();
    }

    /** The file this start generated, if it did: a wrong guess is removed again, not left lying around. */
    Optional<Path> generatedFile() {
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
