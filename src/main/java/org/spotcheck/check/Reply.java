package org.spotcheck.check;

/** What the conversation wants shown; the adapters turn these into messages. */
public sealed interface Reply {

    /** Texts that are not part of a check. */
    enum Page {
        WELCOME, WELCOME_BACK, HELP, PRIVACY, FORGET_ASK, FORGET_DONE, FORGET_KEPT, NUDGE,
        REMEMBERED, NOT_REMEMBERED, REMINDER_BOOKED, REMINDER_STOPPED, CHECK_IN_FINE, LANGUAGE_SET
    }

    /** The current question of a check in progress. */
    record ShowQuestion(Check check) implements Reply {
    }

    record ShowResult(Check check, Result result) implements Reply {
    }

    /**
     * A level of Today became known before the check ended: say so at once, with Continue.
     * {@code sofar} is the assessment of the answers given so far.
     */
    record ShowToday(Check check, Result sofar) implements Reply {
    }

    /** The page for sex without consent; shown in place of the message tapped, never stored. */
    record ShowConsent() implements Reply {
    }

    /** Take the consent page off the screen. */
    record CloseConsent() implements Reply {
    }

    /** {@code inProgress} lets the welcome offer to continue an unfinished check. */
    record ShowPage(Page page, boolean inProgress) implements Reply {
    }

    /**
     * A short pop-up answering a tap (answerCallbackQuery); {@code key} names its text in
     * messages/, {@code alert} makes it a dialog the person closes instead of a passing toast.
     */
    record PopUp(String key, boolean alert) implements Reply {
    }

    /** The delays a doctor reminder can be set for. */
    record ChooseDelay(java.util.List<java.time.Duration> delays) implements Reply {
    }

    /** A reminder was set for this long from now. */
    record ReminderSet(ReminderKind kind, java.time.Duration after) implements Reply {
    }

    /** "Shall I remember this check for 90 days?" after the result of this check. */
    record AskRemember(int checkId) implements Reply {
    }

    /** The languages the bot speaks, each as a button (filled in by the Dialogue, which knows them). */
    record ChooseLanguage() implements Reply {
    }

    /** The chat's pending reminders, each with a Cancel button (filled in from the store). */
    record ListReminders() implements Reply {
    }
}
