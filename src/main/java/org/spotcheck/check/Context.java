package org.spotcheck.check;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a turn may need to know besides the check.
 *
 * @param reminderDelays    the delays a person can choose for a doctor reminder (SPOTCHECK_REMINDER_DELAYS)
 * @param remembered        the day of a remembered earlier check, if any; looked up only for a turn that starts a check
 * @param newCheckId        the id a check started in this turn gets: drawn at random by the caller, so nothing
 *                          counts a chat's checks (an id equal to the chat's current check is moved on by one)
 * @param screeningStartAge the age cervical screening starts where the bot is used (25 in England, 21 in the US)
 */
public record Context(List<Duration> reminderDelays, Optional<LocalDate> remembered, int newCheckId,
                      int screeningStartAge) {

    /** How long after a remembered check SpotCheck asks whether it happened again. */
    public static final Duration CHECK_IN_AFTER = Duration.ofDays(14);

    public static final List<Duration> DEFAULT_DELAYS = List.of(Duration.ofDays(2), Duration.ofDays(7));

    /** England's screening start age, used unless a deployment sets its own. */
    public static final int DEFAULT_START_AGE = 25;

    public Context {
        reminderDelays = List.copyOf(reminderDelays);
        if (newCheckId <= 0) {
            throw new IllegalArgumentException("a check id is positive");
        }
    }

    public Context(List<Duration> reminderDelays, Optional<LocalDate> remembered) {
        this(reminderDelays, remembered, 1, DEFAULT_START_AGE);
    }

    public static Context plain() {
        return new Context(DEFAULT_DELAYS, Optional.empty());
    }
}
