package org.spotcheck.check;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a turn may need to know besides the check: the settings for reminders, and an earlier
 * check the person asked SpotCheck to remember.
 *
 * @param reminderDelays the delays a person can choose for a doctor reminder (SPOTCHECK_REMINDER_DELAYS)
 * @param remembered     the day of a remembered earlier check, if any; looked up only for a turn that starts a check
 */
public record Context(List<Duration> reminderDelays, Optional<LocalDate> remembered) {

    /** How long after a remembered check SpotCheck asks whether it happened again. */
    public static final Duration CHECK_IN_AFTER = Duration.ofDays(14);

    public static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofDays(2), Duration.ofDays(7));

    public Context {
        reminderDelays = List.copyOf(reminderDelays);
    }

    public static Context plain() {
        return new Context(DEFAULT_DELAYS, Optional.empty());
    }
}
