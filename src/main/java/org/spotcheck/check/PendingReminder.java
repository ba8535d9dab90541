package org.spotcheck.check;

import java.time.Instant;

/** A reminder waiting to be sent, as /reminders lists it. */
public record PendingReminder(long id, ReminderKind kind, Instant due) {
}
