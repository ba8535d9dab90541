package org.spotcheck.check;

import java.util.List;
import java.util.Optional;

import org.spotcheck.check.Action.Back;
import org.spotcheck.check.Action.Begin;
import org.spotcheck.check.Action.Choose;
import org.spotcheck.check.Action.ForgetAsk;
import org.spotcheck.check.Action.ForgetCancel;
import org.spotcheck.check.Action.ForgetConfirm;
import org.spotcheck.check.Action.Resume;
import org.spotcheck.check.Action.ShowPrivacy;
import org.spotcheck.check.Action.WhyCause;
import org.spotcheck.check.Action.WhyQuestion;
import org.spotcheck.check.Reply.Page;
import org.spotcheck.check.Reply.PopUp;
import org.spotcheck.check.Reply.ShowPage;
import org.spotcheck.check.Reply.ShowQuestion;
import org.spotcheck.check.Reply.ShowResult;

/**
 * The conversation of one chat as a pure function: the chat's check and what the person did in,
 * the next check and what to show out. A tap answers with at most one pop-up.
 */
public final class Conversation {

    /**
     * @param check   the chat's check after this turn
     * @param replies what to show, in order
     * @param erase   the person confirmed /forget: delete everything kept for the chat
     */
    public record Turn(Optional<Check> check, List<Reply> replies, boolean erase) {
        public Turn {
            replies = List.copyOf(replies);
        }

        static Turn of(Optional<Check> check, Reply... replies) {
            return new Turn(check, List.of(replies), false);
        }
    }

    private Conversation() {
    }

    public static Turn handle(Optional<Check> check, Input input) {
        if (input instanceof Input.Typed typed) {
            return command(check, typed.command());
        }
        if (input instanceof Input.Tap tap) {
            return tap.action() == null ? stale(check) : tap(check, tap.action());
        }
        // Free text, stickers and media: we never read them; point back to the buttons.
        return inProgress(check)
                ? Turn.of(check, new ShowPage(Page.NUDGE, true), new ShowQuestion(check.get()))
                : Turn.of(check, new ShowPage(Page.WELCOME, false));
    }

    private static Turn command(Optional<Check> check, Input.Command command) {
        return switch (command) {
            case START -> Turn.of(check, new ShowPage(Page.WELCOME, inProgress(check)));
            case HELP -> Turn.of(check, new ShowPage(Page.HELP, false));
            case PRIVACY -> Turn.of(check, new ShowPage(Page.PRIVACY, false));
            case FORGET -> Turn.of(check, new ShowPage(Page.FORGET_ASK, false));
        };
    }

    private static Turn tap(Optional<Check> check, Action action) {
        if (action instanceof Begin) {
            var next = Check.begin(check.map(c -> c.id() + 1).orElse(1));
            return Turn.of(Optional.of(next), new ShowQuestion(next));
        }
        if (action instanceof Resume) {
            return inProgress(check) ? Turn.of(check, new ShowQuestion(check.get())) : stale(check);
        }
        if (action instanceof Choose choose) {
            if (!isCurrent(check, choose.checkId(), choose.question())
                    || choose.answer().question() != choose.question()) {
                return stale(check);
            }
            var next = check.get().answer(choose.answer());
            Reply shown = next.finished() ? new ShowResult(next, next.result()) : new ShowQuestion(next);
            return Turn.of(Optional.of(next), shown);
        }
        if (action instanceof Back back) {
            if (!isCurrent(check, back.checkId(), back.question()) || back.question().isFirst()) {
                return stale(check);
            }
            var previous = check.get().back();
            return Turn.of(Optional.of(previous), new ShowQuestion(previous));
        }
        if (action instanceof WhyQuestion why) {
            return Turn.of(check, new PopUp("question." + why.question().key() + ".why", true));
        }
        if (action instanceof WhyCause why) {
            return Turn.of(check, new PopUp("cause." + why.cause().key() + ".why", true));
        }
        if (action instanceof ShowPrivacy) {
            return Turn.of(check, new ShowPage(Page.PRIVACY, false));
        }
        if (action instanceof ForgetAsk) {
            return Turn.of(check, new ShowPage(Page.FORGET_ASK, false));
        }
        if (action instanceof ForgetConfirm) {
            return new Turn(Optional.empty(), List.of(new ShowPage(Page.FORGET_DONE, false)), true);
        }
        if (action instanceof ForgetCancel) {
            return inProgress(check)
                    ? Turn.of(check, new ShowPage(Page.FORGET_KEPT, true), new ShowQuestion(check.get()))
                    : Turn.of(check, new ShowPage(Page.FORGET_KEPT, false));
        }
        throw new IllegalArgumentException("unhandled action " + action);
    }

    /** A button from an older message, a finished check, or one we cannot read. */
    private static Turn stale(Optional<Check> check) {
        if (inProgress(check)) {
            return Turn.of(check, new PopUp("toast.stale", false), new ShowQuestion(check.get()));
        }
        if (check.isPresent()) {
            return Turn.of(check, new PopUp("toast.finished", false));
        }
        return Turn.of(check, new PopUp("toast.stale", false), new ShowPage(Page.WELCOME, false));
    }

    private static boolean inProgress(Optional<Check> check) {
        return check.isPresent() && !check.get().finished();
    }

    private static boolean isCurrent(Optional<Check> check, int checkId, Question question) {
        return inProgress(check) && check.get().id() == checkId
                && check.get().current().orElseThrow() == question;
    }
}
