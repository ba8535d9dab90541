package org.spotcheck.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tag a log line gives a chat, to follow it through one run's lines: HMAC-SHA256 of the chat key
 * under a key drawn at random when the process starts and never stored or logged, cut to 32 bits.
 * It is not derived from the stored chat key's bits nor from the secret, so neither the database nor
 * the database with the secret says which row or which Telegram id a tag stands for; after a restart
 * the same chat has another tag.
 */
public final class ChatTag {

    private static final SecretKeySpec PROCESS_KEY = processKey();

    /** A Mac is not thread-safe; one per thread saves setting one up for every line. */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(PROCESS_KEY);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    });

    private ChatTag() {
    }

    private static SecretKeySpec processKey() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** 8 hex characters: enough to tell the chats of one run apart, and nothing else. */
    public static String of(String chatKey) {
        return HexFormat.of().formatHex(MAC.get().doFinal(chatKey.getBytes(StandardCharsets.US_ASCII)), 0, 4);
    }
}
