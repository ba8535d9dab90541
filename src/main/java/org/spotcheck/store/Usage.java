package org.spotcheck.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spotcheck.check.Check;
import org.spotcheck.check.Conversation;
import org.spotcheck.check.Effect;
import org.spotcheck.check.Reply;
import org.spotcheck.check.ReminderKind;
import org.spotcheck.check.Urgency;

/**
 * Something the operator's figures count: an event of a turn, never a page shown. What is counted is
 * decided here, from what the turn did to the check, so a new page or button counts nothing unless it
 * starts or finishes a check or sets a reminder.
 *
 * @param event  what happened
 * @param detail the one thing the figures break it down by: a language, an urgency or a reminder's kind
 */
public record Usage(Event event, String detail) {

    public enum Event {
        CHECK_STARTED, CHECK_FINISHED, REMINDER_SET, REMINDER_SENT;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static Usage started(String language) {
        return new Usage(Event.CHECK_STARTED, language);
    }

    public static Usage finished(Urgency urgency) {
        return new Usage(Event.CHECK_FINISHED, urgency.key());
    }

    public static Usage reminderSet(ReminderKind kind) {
        return new Usage(Event.REMINDER_SET, kind.key());
    }

    public static Usage reminderSent(ReminderKind kind) {
        return new Usage(Event.REMINDER_SENT, kind.key());
    }

    /**
     * What one turn counts: a check begun (a new check id), a check that was in progress and is now
     * finished, and each reminder the turn sets.
     *
     * @param before   the chat's check before the turn
     * @param language the chat's language after the turn
     */
    public static List<Usage> of(Optional<Check> before, Conversation.Turn turn, String language) {
        var counted = new ArrayList<Usage>();
        var after = turn.check();
        if (after.isPresent() && (before.isEmpty() || before.get().id() != after.get().id())) {
            counted.add(started(language));
        }
        boolean wasInProgress = before.isPresent() && !before.get().finished();
        if (after.isPresent() && after.get().finished() && wasInProgress && before.get().id() == after.get().id()) {
            // The level the person was shown, found with the deployment's screening age: not worked out again.
            turn.replies().stream().filter(Reply.ShowResult.class::isInstance).map(Reply.ShowResult.class::cast)
                    .findFirst().ifPresent(shown -> counted.add(finished(shown.result().urgency())));
        }
        for (Effect effect : turn.effects()) {
            if (effect instanceof Effect.Remind remind) {
                counted.add(reminderSet(remind.kind()));
            }
        }
        return counted;
    }
}
