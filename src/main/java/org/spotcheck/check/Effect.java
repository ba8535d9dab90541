package org.spotcheck.check;

import java.time.Duration;

/** Something a turn asks the store to do besides saving the check. */
public sealed interface Effect {

    /** /forget confirmed: delete everything kept for the chat. */
    record Erase() implements Effect {
    }

    /** Send the person a reminder of this kind after the delay. */
    record Remind(ReminderKind kind, Duration after) implements Effect {
    }

    /** Cancel one of the chat's pending reminders. */
    record CancelReminder(long reminderId) implements Effect {
    }

    /** The chat reads the bot in this language from now on (if the bot speaks it). */
    record SetLanguage(String language) implements Effect {
    }

    /** The person agreed: remember today's check (its day and urgency only) for a while. */
    record Remember(Urgency urgency) implements Effect {
    }
}
