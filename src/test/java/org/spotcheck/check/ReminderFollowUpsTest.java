package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spotcheck.check.Reply.Page;
import org.spotcheck.check.Reply.PopUp;
import org.spotcheck.check.Reply.ShowPage;
import org.spotcheck.check.Reply.ShowQuestion;

/**
 * product.md, "Reminders to see a doctor" and "Urgency, version 2": what comes after a result.
 * A reminder in days is for a result of Soon or Watch; a delivered reminder's buttons set the next one.
 */
class ReminderFollowUpsTest {

    private static final int ID = 5;
    private static final List<Duration> DELAYS = List.of(Duration.ofDays(3), Duration.ofDays(10));
    private static final Context CONTEXT = new Context(DELAYS, Optional.empty(), 42, Context.DEFAULT_START_AGE);

    private static Conversation.Turn tap(Optional<Check> check, Action action) {
        return Conversation.handle(check, new Input.Tap(action), CONTEXT);
    }

    /** The answers that raise nothing on their own. */
    static final List<Answer> QUIET = List.of(Answer.EMERGENCY_NONE, Answer.AGE_25_39, Answer.SITUATION_NONE,
            Answer.ONCE, Answer.BETWEEN_NO, Answer.BIRTH_CONTROL_NO, Answer.PAIN_NO, Answer.DISCHARGE_NO,
            Answer.STI_RISK_NO, Answer.SCREENING_NORMAL);

    /** A finished check: the given answers, then a quiet answer to every question still to come. */
    static Optional<Check> finished(Answer... answers) {
        var check = Check.begin(ID);
        for (var answer : answers) {
            check = check.answer(answer);
        }
        while (!check.finished()) {
            var question = check.current().orElseThrow();
            check = check.answer(QUIET.stream().filter(a -> a.question() == question).findFirst().orElseThrow());
        }
        return Optional.of(check);
    }

    /** Soon: a few times. */
    private static Optional<Check> soon() {
        return finished(Answer.EMERGENCY_NONE, Answer.AGE_25_39, Answer.SITUATION_NONE, Answer.FEW_TIMES);
    }

    private static Optional<Check> today() {
        return finished(Answer.EMERGENCY_NONE, Answer.AGE_25_39, Answer.PREGNANT);
    }

    private static Optional<Check> now() {
        return finished(Answer.EMERGENCY_YES);
    }

    private static Optional<Check> inProgress() {
        return Optional.of(Check.begin(ID).answer(Answer.EMERGENCY_NONE));
    }

    @Test
    void theCheckUsedHereHasTheLevelItsNameSays() {
        assertThat(soon().get().result().urgency()).isEqualTo(Urgency.SOON);
        assertThat(today().get().result().urgency()).isEqualTo(Urgency.TODAY);
        assertThat(now().get().result().urgency()).isEqualTo(Urgency.NOW);
    }

    @Test
    void remindMeAfterASoonResultOffersTheConfiguredDelays() {
        var turn = tap(soon(), new Action.RemindOptions());
        assertThat(turn.replies()).containsExactly(new Reply.ChooseDelay(DELAYS));
        assertThat(turn.effects()).isEmpty();
        assertThat(turn.check()).isEqualTo(soon());
    }

    @Test
    void remindMeAfterATodayResultOffersNoDelayAndSaysTheCheckIsFinished() {
        var turn = tap(today(), new Action.RemindOptions());
        assertThat(turn.replies()).containsExactly(new PopUp("toast.finished", false));
        assertThat(turn.effects()).isEmpty();
    }

    @Test
    void remindMeAfterAnEmergencyResultOffersNoDelay() {
        var turn = tap(now(), new Action.RemindOptions());
        assertThat(turn.replies()).containsExactly(new PopUp("toast.finished", false));
        assertThat(turn.effects()).isEmpty();
    }

    @Test
    void aDelayTappedOnAnOldResultOfTodaySetsNoReminder() {
        var turn = tap(today(), new Action.RemindIn(DELAYS.get(0)));
        assertThat(turn.effects()).isEmpty();
        assertThat(turn.replies()).containsExactly(new PopUp("toast.finished", false));
    }

    @Test
    void remindMeFromAnOlderResultWhileANewCheckIsInProgressStillOffersTheDelays() {
        assertThat(tap(inProgress(), new Action.RemindOptions()).replies()).containsExactly(new Reply.ChooseDelay(DELAYS));
    }

    @Test
    void remindMeWithoutAnyCheckOffersTheDelays() {
        assertThat(tap(Optional.empty(), new Action.RemindOptions()).replies()).containsExactly(new Reply.ChooseDelay(DELAYS));
    }

    @Test
    void choosingAConfiguredDelaySetsADoctorReminderForThatDelay() {
        var turn = tap(soon(), new Action.RemindIn(DELAYS.get(1)));
        assertThat(turn.replies()).containsExactly(new Reply.ReminderSet(ReminderKind.DOCTOR, DELAYS.get(1)));
        assertThat(turn.effects()).containsExactly(new Effect.Remind(ReminderKind.DOCTOR, DELAYS.get(1)));
        assertThat(turn.check()).isEqualTo(soon());
    }

    @Test
    void aDelayThatIsNoLongerConfiguredOffersTheCurrentDelaysAndSetsNothing() {
        var turn = tap(soon(), new Action.RemindIn(Duration.ofDays(2)));
        assertThat(turn.replies()).containsExactly(new Reply.ChooseDelay(DELAYS));
        assertThat(turn.effects()).isEmpty();
    }

    @Test
    void reminderLaterForADoctorReminderSetsTheFirstConfiguredDelay() {
        var turn = tap(soon(), new Action.ReminderLater(ReminderKind.DOCTOR));
        assertThat(turn.replies()).containsExactly(new Reply.ReminderSet(ReminderKind.DOCTOR, DELAYS.get(0)));
        assertThat(turn.effects()).containsExactly(new Effect.Remind(ReminderKind.DOCTOR, DELAYS.get(0)));
    }

    @Test
    void reminderLaterForACheckInSetsTheCheckInDelay() {
        var turn = tap(soon(), new Action.ReminderLater(ReminderKind.CHECK_IN));
        assertThat(turn.replies()).containsExactly(new Reply.ReminderSet(ReminderKind.CHECK_IN, Duration.ofDays(14)));
        assertThat(turn.effects()).containsExactly(new Effect.Remind(ReminderKind.CHECK_IN, Duration.ofDays(14)));
    }

    @Test
    void iBookedItThanksThePersonAndSetsNothing() {
        var turn = tap(soon(), new Action.ReminderBooked());
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.REMINDER_BOOKED, false));
        assertThat(turn.effects()).isEmpty();
        assertThat(turn.check()).isEqualTo(soon());
    }

    @Test
    void stopSaysNoMoreRemindersAndSetsNothing() {
        var turn = tap(soon(), new Action.ReminderStop());
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.REMINDER_STOPPED, false));
        assertThat(turn.effects()).isEmpty();
        assertThat(turn.check()).isEqualTo(soon());
    }

    @Test
    void cancelInTheReminderListCancelsThatReminderAndListsTheRest() {
        var turn = tap(soon(), new Action.CancelReminder(77L));
        assertThat(turn.replies()).containsExactly(new PopUp("toast.reminder_cancelled", false), new Reply.ListReminders());
        assertThat(turn.effects()).containsExactly(new Effect.CancelReminder(77L));
        assertThat(turn.check()).isEqualTo(soon());
    }

    @Test
    void theRemindersCommandListsTheReminders() {
        var turn = Conversation.handle(soon(), new Input.Typed(Input.Command.REMINDERS), CONTEXT);
        assertThat(turn.replies()).containsExactly(new Reply.ListReminders());
        assertThat(turn.check()).isEqualTo(soon());
    }

    @Test
    void aResultThatIsNotAnEmergencyOffersToRememberThatCheck() {
        var before = Check.begin(ID);
        for (var answer : QUIET.subList(0, QUIET.size() - 1)) {
            before = before.answer(answer);
        }
        var turn = tap(Optional.of(before), new Action.Choose(ID, Question.SCREENING, Answer.SCREENING_NORMAL));
        assertThat(turn.replies()).hasSize(2).last().isEqualTo(new Reply.AskRemember(ID));
    }

    @Test
    void anEmergencyResultDoesNotOfferToRememberTheCheck() {
        var turn = tap(Optional.of(Check.begin(ID)), new Action.Choose(ID, Question.EMERGENCY, Answer.EMERGENCY_YES));
        assertThat(turn.replies()).noneMatch(Reply.AskRemember.class::isInstance);
    }

    @Test
    void yesToRememberingKeepsTheDayAndUrgencyOfThatCheck() {
        var turn = tap(soon(), new Action.Remember(ID, true));
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.REMEMBERED, false));
        assertThat(turn.effects()).containsExactly(new Effect.Remember(Urgency.SOON));
        assertThat(turn.check()).isEqualTo(soon());
    }

    @Test
    void rememberingATodayResultKeepsTodayAsItsUrgency() {
        assertThat(tap(today(), new Action.Remember(ID, true)).effects()).containsExactly(new Effect.Remember(Urgency.TODAY));
    }

    @Test
    void noToRememberingKeepsNothing() {
        var turn = tap(soon(), new Action.Remember(ID, false));
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.NOT_REMEMBERED, false));
        assertThat(turn.effects()).isEmpty();
    }

    @Test
    void rememberForAnotherCheckIsStale() {
        var turn = tap(soon(), new Action.Remember(ID + 1, true));
        assertThat(turn.replies()).containsExactly(new PopUp("toast.finished", false));
        assertThat(turn.effects()).isEmpty();
    }

    @Test
    void rememberWhileACheckIsInProgressIsStale() {
        var turn = tap(inProgress(), new Action.Remember(ID, true));
        assertThat(turn.replies()).containsExactly(new PopUp("toast.stale", false), new ShowQuestion(inProgress().get()));
        assertThat(turn.effects()).isEmpty();
    }

    @Test
    void rememberAnEmergencyCheckIsStale() {
        var turn = tap(now(), new Action.Remember(ID, true));
        assertThat(turn.effects()).isEmpty();
        assertThat(turn.replies()).containsExactly(new PopUp("toast.finished", false));
    }

    @Test
    void rememberWithoutAnyCheckIsStale() {
        var turn = tap(Optional.empty(), new Action.Remember(ID, true));
        assertThat(turn.effects()).isEmpty();
        assertThat(turn.replies()).first().isEqualTo(new PopUp("toast.stale", false));
    }

    @Test
    void askMeInTwoWeeksSetsACheckInForFourteenDays() {
        var turn = tap(soon(), new Action.CheckInAsk());
        assertThat(turn.replies()).containsExactly(new Reply.ReminderSet(ReminderKind.CHECK_IN, Duration.ofDays(14)));
        assertThat(turn.effects()).containsExactly(new Effect.Remind(ReminderKind.CHECK_IN, Duration.ofDays(14)));
    }

    @Test
    void aCheckInAnsweredNotAgainSaysThatIsGoodAndKeepsTheCheck() {
        var turn = tap(soon(), new Action.CheckInAnswer(false));
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.CHECK_IN_FINE, false));
        assertThat(turn.effects()).isEmpty();
        assertThat(turn.check()).isEqualTo(soon());
    }

    @Test
    void aCheckInAnsweredAgainStartsANewCheckThatKnowsTheRememberedDay() {
        var day = LocalDate.of(2026, 11, 17);
        var context = new Context(DELAYS, Optional.of(day), 42, Context.DEFAULT_START_AGE);
        var turn = Conversation.handle(soon(), new Input.Tap(new Action.CheckInAnswer(true)), context);
        var started = Check.begin(42, Optional.of(day));
        assertThat(turn.check()).contains(started);
        assertThat(turn.replies()).containsExactly(new ShowQuestion(started));
    }

    @Test
    void onlyBeginAndACheckInAnsweredAgainStartACheck() {
        assertThat(Conversation.startsACheck(new Input.Tap(new Action.Begin()))).isTrue();
        assertThat(Conversation.startsACheck(new Input.Tap(new Action.CheckInAnswer(true)))).isTrue();
        assertThat(Conversation.startsACheck(new Input.Tap(new Action.CheckInAnswer(false)))).isFalse();
        assertThat(Conversation.startsACheck(new Input.Tap(new Action.Resume()))).isFalse();
        assertThat(Conversation.startsACheck(new Input.Tap(null))).isFalse();
        assertThat(Conversation.startsACheck(new Input.Typed(Input.Command.START))).isFalse();
        assertThat(Conversation.startsACheck(new Input.Other())).isFalse();
    }
}
