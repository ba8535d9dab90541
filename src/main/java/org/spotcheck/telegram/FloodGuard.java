package org.spotcheck.telegram;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows down one chat that sends many updates a second, without touching the others: a token
 * bucket per chat. A person tapping through the check never comes near the limit.
 */
final class FloodGuard {

    enum Verdict {
        ALLOW,
        /** Over the limit for the first time in a while: tell the person, politely. */
        SLOW_DOWN,
        /** Still over the limit: answer taps briefly, drop the rest quietly. */
        QUIET
    }

    static final double PER_SECOND = 3;
    static final double BURST = 10;
    private static final int FORGET_AFTER_CHATS = 10_000;

    private final LongSupplier nanoTime;
    private final Map<Long, Bucket> buckets = new HashMap<>();

    FloodGuard(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    synchronized Verdict check(long chat) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > FORGET_AFTER_CHATS) {
            buckets.values().removeIf(b -> b.refill(now) >= BURST);
        }
        var bucket = buckets.computeIfAbsent(chat, c -> new Bucket(BURST, now));
        if (bucket.refill(now) >= 1) {
            bucket.tokens -= 1;
            bucket.warned = false;
            return Verdict.ALLOW;
        }
        if (bucket.warned) {
            return Verdict.QUIET;
        }
        bucket.warned = true;
        return Verdict.SLOW_DOWN;
    }

    private static final class Bucket {
        double tokens;
        long at;
        boolean warned;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        double refill(long now) {
            tokens = Math.min(BURST, tokens + (now - at) / 1e9 * PER_SECOND);
            at = now;
            return tokens;
        }
    }
}
