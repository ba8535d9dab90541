package org.spotcheck.text;

import java.time.Duration;
import java.util.Map;

/** "2 days", "1 hour", "20 seconds" in the chat's language, from the delay.* texts. */
final class Durations {

    private Durations() {
    }

    /** The largest whole unit, rounded: a reminder due in 47 hours reads "2 days". */
    static String describe(Duration duration, Messages m) {
        long seconds = Math.max(1, duration.toSeconds());
        String unit;
        long count;
        if (seconds >= 86_400 - 3_600) {
            unit = "day";
            count = Math.round(seconds / 86_400.0);
        } else if (seconds >= 3_600 - 60) {
            unit = "hour";
            count = Math.round(seconds / 3_600.0);
        } else if (seconds >= 60) {
            unit = "minute";
            count = Math.round(seconds / 60.0);
        } else {
            unit = "second";
            count = seconds;
        }
        String key = "delay." + unit + (count == 1 ? "" : "s");
        return m.format(key, Map.of("n", String.valueOf(count)));
    }
}
