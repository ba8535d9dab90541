package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spotcheck.check.Reply.Page;
import org.spotcheck.check.Reply.PopUp;
import org.spotcheck.check.Reply.ShowPage;
import org.spotcheck.check.Reply.ShowQuestion;
import org.spotcheck.check.Reply.ShowResult;

class ConversationTest {

    private static final Optional<Check> NONE = Optional.empty();

    private static Conversation.Turn tap(Optional<Check> check, Action action) {
        return Conversation.handle(check, new Input.Tap(action));
    }

    private static Optional<Check> atQuestion(int answered) {
        var check = Check.begin(3);
        for (int i = 0; i < answered; i++) {
            var question = check.current().orElseThrow();
            check = check.answer(question == Question.EMERGENCY ? Answer.EMERGENCY_NONE
                    : question == Question.SITUATION ? Answer.SITUATION_NONE : question.answers().get(0));
        }
        return Optional.of(check);
    }

    @Test
    void startShowsTheWelcome() {
        var turn = Conversation.handle(NONE, new Input.Typed(Input.Command.START));
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.WELCOME, false));
        assertThat(turn.check()).isEmpty();
    }

    @Test
    void startAfterAFinishedCheckOffersTheResultAgain() {
        assertThat(Conversation.handle(atQuestion(10), new Input.Typed(Input.Command.START)).replies())
                .containsExactly(new ShowPage(Page.WELCOME_BACK, false));
    }

    @Test
    void showResultShowsTheLastResultAgain() {
        var finished = atQuestion(10).get();
        assertThat(tap(atQuestion(10), new Action.ShowResult()).replies())
                .containsExactly(new ShowResult(finished, finished.result()));
    }

    @Test
    void continuingACheckThatHasFinishedShowsItsResult() {
        var finished = atQuestion(10).get();
        assertThat(tap(atQuestion(10), new Action.Resume()).replies())
                .containsExactly(new ShowResult(finished, finished.result()));
    }

    @Test
    void showResultWithoutAFinishedCheckIsStale() {
        assertThat(tap(atQuestion(3), new Action.ShowResult()).replies()).first()
                .isEqualTo(new PopUp("toast.stale", false));
    }

    @Test
    void startDuringACheckOffersToContinue() {
        var turn = Conversation.handle(atQuestion(2), new Input.Typed(Input.Command.START));
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.WELCOME, true));
        assertThat(turn.check()).isEqualTo(atQuestion(2));
    }

    private static Context drawn(int id) {
        return new Context(Context.DEFAULT_DELAYS, Optional.empty(), id, Context.DEFAULT_START_AGE);
    }

    @Test
    void beginStartsANewCheckWithTheIdTheCallerDrew() {
        var turn = Conversation.handle(atQuestion(10), new Input.Tap(new Action.Begin()), drawn(777));
        assertThat(turn.check()).contains(Check.begin(777));
        assertThat(turn.replies()).containsExactly(new ShowQuestion(Check.begin(777)));
    }

    @Test
    void aNewCheckNeverTakesTheIdOfTheCheckWhoseButtonsAreOnScreen() {
        var turn = Conversation.handle(atQuestion(10), new Input.Tap(new Action.Begin()), drawn(3));
        assertThat(turn.check().orElseThrow().id()).isNotEqualTo(3);
    }

    @Test
    void aLevelOfTodayIsShownAsSoonAsItIsKnownWithTheCheckGoingOn() {
        var turn = tap(atQuestion(0), new Action.Choose(3, Question.EMERGENCY, Answer.EMERGENCY_SLIGHT_FEVER));
        var check = turn.check().orElseThrow();
        assertThat(check.current()).contains(Question.AGE);
        assertThat(turn.replies()).singleElement().isInstanceOfSatisfying(Reply.ShowToday.class,
                today -> assertThat(today.sofar().urgency()).isEqualTo(Urgency.TODAY));
    }

    @Test
    void aLevelOfTodayIsAnnouncedOnceNotAfterEveryAnswer() {
        var today = tap(atQuestion(0), new Action.Choose(3, Question.EMERGENCY, Answer.EMERGENCY_SLIGHT_FEVER)).check();
        var next = tap(today, new Action.Choose(3, Question.AGE, Answer.AGE_25_39));
        assertThat(next.replies()).containsExactly(new ShowQuestion(next.check().orElseThrow()));
    }

    @Test
    void theConsentPageChangesNothingAndLeavesNoTrace() {
        var turn = tap(atQuestion(4), new Action.ShowConsent());
        assertThat(turn.replies()).containsExactly(new Reply.ShowConsent());
        assertThat(turn.check()).isEqualTo(atQuestion(4));
        assertThat(turn.leavesNoTrace()).isTrue();
        var closed = tap(atQuestion(4), new Action.CloseConsent());
        assertThat(closed.replies()).containsExactly(new Reply.CloseConsent());
        assertThat(closed.leavesNoTrace()).isTrue();
    }

    @Test
    void aReminderInDaysIsNeverOfferedWhenTheResultIsToday() {
        var pregnant = Check.begin(3).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_25_39).answer(Answer.PREGNANT);
        while (!pregnant.finished()) {
            pregnant = pregnant.answer(pregnant.current().orElseThrow().answers().get(0));
        }
        var turn = tap(Optional.of(pregnant), new Action.RemindOptions());
        assertThat(turn.replies()).noneMatch(Reply.ChooseDelay.class::isInstance);
        assertThat(turn.effects()).isEmpty();
    }

    @Test
    void aValidAnswerShowsTheNextQuestion() {
        var turn = tap(atQuestion(0), new Action.Choose(3, Question.EMERGENCY, Answer.EMERGENCY_NONE));
        assertThat(turn.check().orElseThrow().current()).contains(Question.AGE);
        assertThat(turn.replies()).containsExactly(new ShowQuestion(turn.check().orElseThrow()));
    }

    @Test
    void theEmergencyAnswerShowsTheUrgentResultAtOnce() {
        var turn = tap(atQuestion(0), new Action.Choose(3, Question.EMERGENCY, Answer.EMERGENCY_YES));
        var check = turn.check().orElseThrow();
        assertThat(check.finished()).isTrue();
        assertThat(turn.replies()).singleElement().isInstanceOfSatisfying(ShowResult.class,
                shown -> assertThat(shown.result().urgency()).isEqualTo(Urgency.NOW));
    }

    @Test
    void theLastAnswerShowsTheResult() {
        var turn = tap(atQuestion(9), new Action.Choose(3, Question.SCREENING, Answer.SCREENING_NORMAL));
        assertThat(turn.replies()).first().isInstanceOf(ShowResult.class);
    }

    @Test
    void anAnswerForAnOlderQuestionIsStaleAndShowsTheCurrentOne() {
        var turn = tap(atQuestion(3), new Action.Choose(3, Question.SITUATION, Answer.PREGNANT));
        assertThat(turn.check()).isEqualTo(atQuestion(3));
        assertThat(turn.replies()).containsExactly(new PopUp("toast.stale", false), new ShowQuestion(atQuestion(3).get()));
    }

    @Test
    void anAnswerFromAnOlderCheckIsStale() {
        var turn = tap(atQuestion(3), new Action.Choose(2, Question.BIRTH_CONTROL, Answer.BIRTH_CONTROL_NO));
        assertThat(turn.check()).isEqualTo(atQuestion(3));
        assertThat(turn.replies()).first().isEqualTo(new PopUp("toast.stale", false));
    }

    @Test
    void anAnswerThatBelongsToAnotherQuestionIsStale() {
        var turn = tap(atQuestion(5), new Action.Choose(3, Question.BIRTH_CONTROL, Answer.ONCE));
        assertThat(turn.check()).isEqualTo(atQuestion(5));
    }

    @Test
    void aTapOnAFinishedCheckSaysItIsFinished() {
        var turn = tap(atQuestion(10), new Action.Choose(3, Question.SCREENING, Answer.SCREENING_NORMAL));
        assertThat(turn.replies()).containsExactly(new PopUp("toast.finished", false));
    }

    @Test
    void anUnreadableButtonGetsAToastAndTheCurrentQuestion() {
        var turn = Conversation.handle(atQuestion(2), new Input.Tap(null));
        assertThat(turn.replies()).containsExactly(new PopUp("toast.stale", false), new ShowQuestion(atQuestion(2).get()));
    }

    @Test
    void anUnreadableButtonWithoutACheckShowsTheWelcome() {
        var turn = Conversation.handle(NONE, new Input.Tap(null));
        assertThat(turn.replies()).containsExactly(new PopUp("toast.stale", false), new ShowPage(Page.WELCOME, false));
    }

    @Test
    void backShowsThePreviousQuestion() {
        var turn = tap(atQuestion(5), new Action.Back(3, Question.BIRTH_CONTROL));
        assertThat(turn.check().orElseThrow().current()).contains(Question.BETWEEN_PERIODS);
    }

    @Test
    void backFromAnOlderQuestionIsStale() {
        var turn = tap(atQuestion(5), new Action.Back(3, Question.FREQUENCY));
        assertThat(turn.check()).isEqualTo(atQuestion(5));
        assertThat(turn.replies()).first().isEqualTo(new PopUp("toast.stale", false));
    }

    @Test
    void whyThisQuestionIsAnAlertAndChangesNothing() {
        var turn = tap(atQuestion(4), new Action.WhyQuestion(Question.PAIN));
        assertThat(turn.replies()).containsExactly(new PopUp("question.pain.why", true));
        assertThat(turn.check()).isEqualTo(atQuestion(4));
    }

    @Test
    void whyACauseIsAnAlert() {
        assertThat(tap(atQuestion(10), new Action.WhyCause(Cause.STI)).replies())
                .containsExactly(new PopUp("cause.sti.why", true));
    }

    @Test
    void typedTextMidCheckGetsANudgeAndTheCurrentQuestion() {
        var turn = Conversation.handle(atQuestion(5), new Input.Other());
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.NUDGE, true), new ShowQuestion(atQuestion(5).get()));
        assertThat(turn.check()).isEqualTo(atQuestion(5));
    }

    @Test
    void typedTextOutsideACheckShowsTheWelcome() {
        assertThat(Conversation.handle(NONE, new Input.Other()).replies())
                .containsExactly(new ShowPage(Page.WELCOME, false));
    }

    @Test
    void forgetAsksForConfirmationFirst() {
        var turn = Conversation.handle(atQuestion(2), new Input.Typed(Input.Command.FORGET));
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.FORGET_ASK, false));
        assertThat(turn.erase()).isFalse();
        assertThat(turn.check()).isEqualTo(atQuestion(2));
    }

    @Test
    void confirmingForgetErasesTheCheck() {
        var turn = tap(atQuestion(2), new Action.ForgetConfirm());
        assertThat(turn.erase()).isTrue();
        assertThat(turn.check()).isEmpty();
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.FORGET_DONE, false));
    }

    @Test
    void cancellingForgetKeepsTheCheckAndShowsTheQuestion() {
        var turn = tap(atQuestion(2), new Action.ForgetCancel());
        assertThat(turn.erase()).isFalse();
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.FORGET_KEPT, true), new ShowQuestion(atQuestion(2).get()));
    }

    @Test
    void resumeShowsTheCurrentQuestion() {
        assertThat(tap(atQuestion(6), new Action.Resume()).replies()).containsExactly(new ShowQuestion(atQuestion(6).get()));
    }

    @Test
    void helpAndPrivacyChangeNothing() {
        assertThat(Conversation.handle(atQuestion(2), new Input.Typed(Input.Command.HELP)).check()).isEqualTo(atQuestion(2));
        assertThat(tap(atQuestion(2), new Action.ShowPrivacy()).replies()).containsExactly(new ShowPage(Page.PRIVACY, false));
    }

    @Test
    void under13NoRememberingNorCheckInIsOffered() {
        var check = Check.begin(5);
        for (var answer : java.util.List.of(Answer.EMERGENCY_NONE, Answer.AGE_UNDER_13, Answer.PREGNANT, Answer.ONCE,
                Answer.BIRTH_CONTROL_NO, Answer.PAIN_NO, Answer.DISCHARGE_NO, Answer.STI_RISK_NO)) {
            check = check.answer(answer);
        }
        var turn = Conversation.handle(Optional.of(check), new Input.Tap(new Action.Choose(5, Question.SCREENING,
                Answer.SCREENING_NORMAL)));

        assertThat(turn.replies()).noneMatch(Reply.AskRemember.class::isInstance);
        var remember = Conversation.handle(turn.check(), new Input.Tap(new Action.Remember(5, true)));
        assertThat(remember.effects()).isEmpty();
    }
}
