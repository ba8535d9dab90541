package org.spotcheck.telegram;

import java.util.concurrent.ThreadLocalRandom;

import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * The poller's wait after a failed getUpdates. TelegramBots' default grows to many minutes after
 * a long outage; people are waiting, so this never waits more than a few seconds.
 */
final class BoundedBackOff implements BackOff {

    static final long FIRST_MILLIS = 500;
    static final long MAX_MILLIS = 5_000;

    private long next = FIRST_MILLIS;

    @Override
    public synchronized void reset() {
        next = FIRST_MILLIS;
    }

    @Override
    public synchronized long nextBackOffMillis() {
        long wait = next / 2 + ThreadLocalRandom.current().nextLong(next / 2 + 1);
        next = Math.min(next * 2, MAX_MILLIS);
        return wait;
    }
}
