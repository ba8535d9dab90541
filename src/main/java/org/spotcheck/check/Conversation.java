package org.spotcheck.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spotcheck.check.Action.Back;
import org.spotcheck.check.Action.Begin;
import org.spotcheck.check.Action.CancelReminder;
import org.spotcheck.check.Action.CheckInAnswer;
import org.spotcheck.check.Action.CheckInAsk;
import org.spotcheck.check.Action.Choose;
import org.spotcheck.check.Action.ForgetAsk;
import org.spotcheck.check.Action.ForgetCancel;
import org.spotcheck.check.Action.ForgetConfirm;
import org.spotcheck.check.Action.Remember;
import org.spotcheck.check.Action.RemindIn;
import org.spotcheck.check.Action.RemindOptions;
import org.spotcheck.check.Action.ReminderBooked;
import org.spotcheck.check.Action.ReminderLater;
import org.spotcheck.check.Action.ReminderStop;
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
 * The conversation of one chat as a pure function: the chat's check, what the person did and the
 * context in; the next check, what to show and what to store out. A tap answers with at most one
 * pop-up.
 */
public final class Conversation {

    /**
     * @param check   the chat's check after this turn
     * @param replies what to show, in order
     * @param effects what to store besides the check (reminders, memory, erasing)
     */
    public record Turn(Optional<Check> check, List<Reply> replies, List<Effect> effects) {
        public Turn {
            replies = List.copyOf(replies);
            effects = List.copyOf(effects);
        }

        static Turn of(Optional<Check> check, Reply... replies) {
            return new Turn(check, List.of(replies), List.of());
        }

        /** The person confirmed /forget. */
        public boolean erase() {
            return effects.stream().anyMatch(Effect.Erase.class::isInstance);
        }

        /**
         * The consent page opened or closed: nothing of this turn may be stored, logged or counted,
         * and the check is left exactly as it was.
         */
        public boolean leavesNoTrace() {
            return !replies.isEmpty() && replies.stream()
                    .allMatch(r -> r instanceof Reply.ShowConsent || r instanceof Reply.CloseConsent);
        }
    }

    private Conversation() {
    }

    public static Turn handle(Optional<Check> check, Input input) {
        return handle(check, input, Context.plain());
    }

    public static Turn handle(Optional<Check> check, Input input, Context context) {
        if (input instanceof Input.Typed typed) {
            return command(check, typed.command());
        }
        if (input instanceof Input.Tap tap) {
            return tap.action() == null ? stale(check) : tap(check, tap.action(), context);
        }
        // Free text, stickers and media: we never read them; point back to the buttons.
        return inProgress(check)
                ? Turn.of(check, new ShowPage(Page.NUDGE, true), new ShowQuestion(check.get()))
                : Turn.of(check, welcome(check));
    }

    /** The welcome offers to continue a check in progress, or to see the last result again. */
    private static ShowPage welcome(Optional<Check> check) {
        if (check.isPresent() && check.get().finished()) {
            return new ShowPage(Page.WELCOME_BACK, false);
        }
        return new ShowPage(Page.WELCOME, inProgress(check));
    }

    private static Turn command(Optional<Check> check, Input.Command command) {
        return switch (command) {
            case START -> Turn.of(check, welcome(check));
            case HELP -> Turn.of(check, new ShowPage(Page.HELP, false));
            case PRIVACY -> Turn.of(check, new ShowPage(Page.PRIVACY, false));
            case FORGET -> Turn.of(check, new ShowPage(Page.FORGET_ASK, false));
            case REMINDERS -> Turn.of(check, new Reply.ListReminders());
            case LANGUAGE -> Turn.of(check, new Reply.ChooseLanguage());
        };
    }

    /**
     * Whether this input starts a new check: only then does the remembered earlier check matter,
     * so the store need not look it up for every other update.
     */
    public static boolean startsACheck(Input input) {
        return input instanceof Input.Tap tap && startsACheck(tap.action());
    }

    private static boolean startsACheck(Action action) {
        return action instanceof Begin || action instanceof CheckInAnswer again && again.happenedAgain();
    }

    private static Turn tap(Optional<Check> check, Action action, Context context) {
        if (startsACheck(action)) {
            int id = context.newCheckId();
            if (check.isPresent() && check.get().id() == id) {
                id = id == Integer.MAX_VALUE ? 1 : id + 1; // never the id of the buttons still on screen
            }
            var next = Check.begin(id, context.remembered());
            return Turn.of(Optional.of(next), new ShowQuestion(next));
        }
        if (action instanceof Action.ShowConsent) {
            return Turn.of(check, new Reply.ShowConsent());
        }
        if (action instanceof Action.CloseConsent) {
            return Turn.of(check, new Reply.CloseConsent());
        }
        if (action instanceof Action.ShowResult || action instanceof Resume) {
            // "Continue" on a check that has finished meanwhile continues to where it ended: its result.
            if (check.isPresent() && check.get().finished()) {
                return Turn.of(check, new ShowResult(check.get(), check.get().result(context.screeningStartAge())));
            }
            return action instanceof Resume && inProgress(check) ? Turn.of(check, new ShowQuestion(check.get())) : stale(check);
        }
        if (action instanceof Choose choose) {
            return choose(check, choose, context);
        }
        if (action instanceof Back back) {
            if (!isCurrent(check, back.checkId(), back.question()) || check.get().isFirstQuestion()) {
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
            return new Turn(Optional.empty(), List.of(new ShowPage(Page.FORGET_DONE, false)), List.of(new Effect.Erase()));
        }
        if (action instanceof ForgetCancel) {
            return inProgress(check)
                    ? Turn.of(check, new ShowPage(Page.FORGET_KEPT, true), new ShowQuestion(check.get()))
                    : Turn.of(check, new ShowPage(Page.FORGET_KEPT, false));
        }
        return followUp(check, action, context);
    }

    private static Turn choose(Optional<Check> check, Choose choose, Context context) {
        if (!isCurrent(check, choose.checkId(), choose.question())
                || !check.get().choices(choose.question()).contains(choose.answer())) {
            return stale(check);
        }
        var next = check.get().answer(choose.answer());
        if (!next.finished()) {
            // A level of Today is said as soon as it is known, not only at the end.
            var before = Triage.urgency(check.get().given(), context.screeningStartAge());
            var sofar = Triage.urgency(next.given(), context.screeningStartAge());
            if (sofar == Urgency.TODAY && before != Urgency.TODAY) {
                return Turn.of(Optional.of(next),
                        new Reply.ShowToday(next, Triage.assess(next.given(), context.screeningStartAge())));
            }
            return Turn.of(Optional.of(next), new ShowQuestion(next));
        }
        var result = next.result(context.screeningStartAge());
        var replies = new ArrayList<Reply>(List.of(new ShowResult(next, result)));
        if (remembers(result)) {
            replies.add(new Reply.AskRemember(next.id()));
        }
        return new Turn(Optional.of(next), replies, List.of());
    }

    /** Reminders and remembering: what comes after a result. */
    private static Turn followUp(Optional<Check> check, Action action, Context context) {
        if ((action instanceof RemindOptions || action instanceof RemindIn) && sameDay(check, context)) {
            return stale(check); // a reminder in days is never offered when the person should be seen today
        }
        if (action instanceof RemindOptions) {
            return Turn.of(check, new Reply.ChooseDelay(context.reminderDelays()));
        }
        if (action instanceof RemindIn remind) {
            if (!context.reminderDelays().contains(remind.after())) {
                // The delays were changed since the buttons were shown: offer the ones there are now.
                return Turn.of(check, new Reply.ChooseDelay(context.reminderDelays()));
            }
            return remind(check, ReminderKind.DOCTOR, remind.after());
        }
        if (action instanceof ReminderLater later) {
            var after = later.kind() == ReminderKind.CHECK_IN ? Context.CHECK_IN_AFTER : context.reminderDelays().get(0);
            return remind(check, later.kind(), after);
        }
        if (action instanceof ReminderBooked) {
            return Turn.of(check, new ShowPage(Page.REMINDER_BOOKED, false));
        }
        if (action instanceof ReminderStop) {
            return Turn.of(check, new ShowPage(Page.REMINDER_STOPPED, false));
        }
        if (action instanceof CancelReminder cancel) {
            return new Turn(check, List.of(new PopUp("toast.reminder_cancelled", false), new Reply.ListReminders()),
                    List.of(new Effect.CancelReminder(cancel.reminderId())));
        }
        if (action instanceof Remember remember) {
            // Asked only after a finished check that was not an emergency, and only for that check.
            boolean asked = check.isPresent() && check.get().finished() && check.get().id() == remember.checkId()
                    && remembers(check.get().result(context.screeningStartAge()));
            if (!asked) {
                return stale(check);
            }
            if (!remember.yes()) {
                return Turn.of(check, new ShowPage(Page.NOT_REMEMBERED, false));
            }
            return new Turn(check, List.of(new ShowPage(Page.REMEMBERED, false)),
                    List.of(new Effect.Remember(check.get().result(context.screeningStartAge()).urgency())));
        }
        if (action instanceof CheckInAsk) {
            return remind(check, ReminderKind.CHECK_IN, Context.CHECK_IN_AFTER);
        }
        if (action instanceof CheckInAnswer) {
            return Turn.of(check, new ShowPage(Page.CHECK_IN_FINE, false));
        }
        if (action instanceof Action.SetLanguage set) {
            var replies = new ArrayList<Reply>(List.of(new ShowPage(Page.LANGUAGE_SET, false)));
            check.filter(c -> !c.finished()).ifPresent(c -> replies.add(new ShowQuestion(c)));
            return new Turn(check, replies, List.of(new Effect.SetLanguage(set.language())));
        }
        throw new IllegalArgumentException("unhandled action " + action);
    }

    /**
     * Whether remembering the check (and a check-in in 2 weeks) is offered: not while someone needs
     * help now, and never under 13, where no reminder in days is offered and an adult should be involved.
     */
    private static boolean remembers(Result result) {
        return result.urgency() != Urgency.NOW && !result.underThirteen();
    }

    private static Turn remind(Optional<Check> check, ReminderKind kind, java.time.Duration after) {
        return new Turn(check, List.of(new Reply.ReminderSet(kind, after)), List.of(new Effect.Remind(kind, after)));
    }

    /** A button from an older message, a finished check, or one we cannot read. */
    private static Turn stale(Optional<Check> check) {
        if (inProgress(check)) {
            return Turn.of(check, new PopUp("toast.stale", false), new ShowQuestion(check.get()));
        }
        if (check.isPresent()) {
            return Turn.of(check, new PopUp("toast.finished", false));
        }
        return Turn.of(check, new PopUp("toast.stale", false), welcome(check));
    }

    private static boolean sameDay(Optional<Check> check, Context context) {
        return check.isPresent() && check.get().finished()
                && check.get().result(context.screeningStartAge()).urgency().compareTo(Urgency.TODAY) <= 0;
    }

    private static boolean inProgress(Optional<Check> check) {
        return check.isPresent() && !check.get().finished();
    }

    private static boolean isCurrent(Optional<Check> check, int checkId, Question question) {
        return inProgress(check) && check.get().id() == checkId
                && check.get().current().orElseThrow() == question;
    }
}
