package org.spotcheck.telegram;

import java.util.HashSet;
import java.util.Set;

/**
 * Slows down one chat that sends far more than anyone taps, without touching the others. A person
 * waits for the answer before tapping again, so their chat never has more than a couple of
 * updates waiting; a chat with {@link #MAX_WAITING} waiting is flooding. Its first update past the
 * limit gets a polite note, the rest are dropped until its backlog is gone.
 */
final class FloodGuard {

    enum Verdict {
        ALLOW,
        /** Just went over the limit: tell the person, politely. */
        SLOW_DOWN,
        /** Still over the limit: drop quietly. */
        DROP
    }

    static final int MAX_WAITING = 8;

    private final Set<Long> warned = new HashSet<>();

    synchronized Verdict check(long chat, int waiting) {
        if (waiting < MAX_WAITING) {
            if (waiting == 0) {
                warned.remove(chat);
            }
            return Verdict.ALLOW;
        }
        return warned.add(chat) ? Verdict.SLOW_DOWN : Verdict.DROP;
    }
}
