package org.spotcheck;

import java.time.Duration;
import java.time.Instant;

/** A clock the test moves by hand, so nothing has to sleep to let time pass. */
public final class MutableClock extends UtcClock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
