package org.spotcheck.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * chat_key = HMAC-SHA256(secret, chat id): stable for a chat, meaningless without the secret.
 * Logs show only {@link #shortForm} of it.
 */
public final class ChatKeys {

    private final SecretKeySpec key;

    public ChatKeys(Secret secret) {
        this.key = new SecretKeySpec(secret.bytes(), "HmacSHA256");
    }

    public String keyFor(long chatId) {
        try {
            // A Mac is not thread-safe and cheap to make; one per call keeps this class immutable.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(Long.toString(chatId).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }

    /** Enough to follow one chat through the logs, too little to find it in the database. */
    public static String shortForm(String chatKey) {
        return chatKey.substring(0, 8);
    }
}
