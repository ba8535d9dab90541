package org.spotcheck.check;

import java.util.Locale;

/** What a reminder is about; its texts are reminder.KIND.* in messages/. */
public enum ReminderKind {
    /** "Remember to book a doctor." */
    DOCTOR,
    /** "Has it happened again?" after a remembered check. */
    CHECK_IN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
