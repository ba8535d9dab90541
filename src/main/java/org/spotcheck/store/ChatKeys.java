package org.spotcheck.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * chat_key = HMAC-SHA256(k, chat id), k derived from the secret for this purpose only: stable for a
 * chat, meaningless without the secret. Logs never show it, not even in part (see log.ChatTag).
 */
public final class ChatKeys {

    /** A Mac is not thread-safe; one per thread saves setting one up for every update. */
    private final ThreadLocal<Mac> mac;

    public ChatKeys(Secret secret) {
        this(secret.key("spotcheck chat key v2"));
    }

    private ChatKeys(byte[] keyBytes) {
        var key = new SecretKeySpec(keyBytes, "HmacSHA256");
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

    /** Release 1's chat keys (the raw secret as the HMAC key), to find rows an upgrade must re-key. */
    static ChatKeys legacy(Secret secret) {
        return new ChatKeys(secret.legacy());
    }

    public String keyFor(long chatId) {
        return HexFormat.of().formatHex(mac.get().doFinal(Long.toString(chatId).getBytes(StandardCharsets.US_ASCII)));
    }
}
