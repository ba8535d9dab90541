package org.spotcheck.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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

    public byte[] seal(long chatId) {
        return seal(ByteBuffer.allocate(Long.BYTES).putLong(chatId).array());
    }

    /** The chat id, or empty when the bytes were sealed under another secret or were changed. */
    public Optional<Long> open(byte[] sealed) {
        return openBytes(sealed).filter(plain -> plain.length == Long.BYTES).map(plain -> ByteBuffer.wrap(plain).getLong());
    }

    byte[] seal(byte[] plain) {
        try {
            var iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    Optional<byte[]> openBytes(byte[] sealed) {
        if (sealed == null || sealed.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = CIPHER.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return Optional.of(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
