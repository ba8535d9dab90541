package org.spotcheck.check;

/** How soon to see someone, most urgent first; a check gets exactly one. */
public enum Urgency {
    /** Get medical help now: emergency number or emergency department. */
    NOW,
    /** Contact a doctor or midwife today. */
    TODAY,
    /** Book an appointment in the next days. */
    SOON,
    /** Probably normal if rare; see a doctor if it happens again. */
    WATCH;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
