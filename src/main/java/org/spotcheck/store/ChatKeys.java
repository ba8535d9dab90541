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

    /** A Mac is not thread-safe; one per thread saves setting one up for every update. */
    private final ThreadLocal<Mac> mac;

    public ChatKeys(Secret secret) {
        var key = new SecretKeySpec(secret.bytes(), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
            }
        });
    }

    public String keyFor(long chatId) {
        return HexFormat.of().formatHex(mac.get().doFinal(Long.toString(chatId).getBytes(StandardCharsets.US_ASCII)));
    }

    /** Enough to follow one chat through the logs, too little to find it in the database. */
    public static String shortForm(String chatKey) {
        return chatKey.substring(0, 8);
    }
}
