package org.spotcheck.check;

/** What the conversation wants shown; the adapters turn these into messages. */
public sealed interface Reply {

    /** Texts that are not part of a check. */
    enum Page { WELCOME, HELP, PRIVACY, FORGET_ASK, FORGET_DONE, FORGET_KEPT, NUDGE }

    /** The current question of a check in progress. */
    record ShowQuestion(Check check) implements Reply {
    }

    record ShowResult(Check check, Result result) implements Reply {
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
}
