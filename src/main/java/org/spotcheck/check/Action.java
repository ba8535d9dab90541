package org.spotcheck.check;

/**
 * What a button asks for. Buttons come back from the person's device, so an action that names
 * a check or question is checked against the current check before it counts.
 */
public sealed interface Action {

    /** Start a new check (the welcome's "Start the check", the result's "Start again"). */
    record Begin() implements Action {
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

    record ForgetAsk() implements Action {
    }

    record ForgetConfirm() implements Action {
    }

    record ForgetCancel() implements Action {
    }
}
