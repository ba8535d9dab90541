package org.spotcheck;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** What the tests' clocks share: they tell time in UTC, like the bot, and a zone changes nothing. */
public abstract class UtcClock extends Clock {

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        return this;
    }
}
