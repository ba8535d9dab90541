package org.spotcheck.check;

/**
 * What a button asks for. Buttons come back from the person's device, so an action that names
 * a check or question is checked against the current check before it counts.
 */
public sealed interface Action {

    /** Start a new check (the welcome's "Start the check", the result's "Start again"). */
    record Begin() implements Action {
    }

    /** Show the result of the last finished check again (to read it, or to show it at the doctor's). */
    record ShowResult() implements Action {
    }

    /** Carry on with the check in progress. */
    record Resume() implements Action {
    }

    record Choose(int checkId, Question question, Answer answer) implements Action {
    }

    record Back(int checkId, Question question) implements Action {
    }

    record WhyQuestion(Question question) implements Action {
    }

    record WhyCause(Cause cause) implements Action {
    }

    record ShowPrivacy() implements Action {
    }

    /**
     * "It happened without my consent": a page that is never stored, logged or counted, so it
     * has its own type that every store and counter can leave out.
     */
    record ShowConsent() implements Action {
    }

    /** The consent page's Close: take the page off the screen. */
    record CloseConsent() implements Action {
    }

    record ForgetAsk() implements Action {
    }

    record ForgetConfirm() implements Action {
    }

    record ForgetCancel() implements Action {
    }

    /** A /language button: read the bot in this language from now on. */
    record SetLanguage(String language) implements Action {
    }

    /** The result's "Remind me to book a doctor": show the delays to choose from. */
    record RemindOptions() implements Action {
    }

    /** One of the configured delays, named by the delay itself (a changed setting cannot shift it). */
    record RemindIn(java.time.Duration after) implements Action {
    }

    /** Buttons of a delivered reminder. */
    record ReminderBooked() implements Action {
    }

    record ReminderLater(ReminderKind kind) implements Action {
    }

    record ReminderStop() implements Action {
    }

    /** A Cancel button in the /reminders list. */
    record CancelReminder(long reminderId) implements Action {
    }

    /** The answer to "Shall I remember this check?", for the check it was asked about. */
    record Remember(int checkId, boolean yes) implements Action {
    }

    /** "Ask me in 2 weeks whether it happened again." */
    record CheckInAsk() implements Action {
    }

    /** A check-in's answers: it happened again (start a new check), or it did not. */
    record CheckInAnswer(boolean happenedAgain) implements Action {
    }
}
