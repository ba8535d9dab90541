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
            check = check.answer(question.answers().get(question == Question.EMERGENCY ? 1 : 0));
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
        assertThat(Conversation.handle(atQuestion(8), new Input.Typed(Input.Command.START)).replies())
                .containsExactly(new ShowPage(Page.WELCOME_BACK, false));
    }

    @Test
    void showResultShowsTheLastResultAgain() {
        var finished = atQuestion(8).get();
        assertThat(tap(atQuestion(8), new Action.ShowResult()).replies())
                .containsExactly(new ShowResult(finished, finished.result()));
    }

    @Test
    void continuingACheckThatHasFinishedShowsItsResult() {
        var finished = atQuestion(8).get();
        assertThat(tap(atQuestion(8), new Action.Resume()).replies())
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

    @Test
    void beginStartsANewCheckWithTheNextId() {
        var turn = tap(atQuestion(8), new Action.Begin());
        assertThat(turn.check()).contains(Check.begin(4));
        assertThat(turn.replies()).containsExactly(new ShowQuestion(Check.begin(4)));
    }

    @Test
    void theFirstCheckOfAChatHasIdOne() {
        assertThat(tap(NONE, new Action.Begin()).check()).contains(Check.begin(1));
    }

    @Test
    void aValidAnswerShowsTheNextQuestion() {
        var turn = tap(atQuestion(0), new Action.Choose(3, Question.EMERGENCY, Answer.EMERGENCY_NO));
        assertThat(turn.check().orElseThrow().current()).contains(Question.SITUATION);
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
        var turn = tap(atQuestion(7), new Action.Choose(3, Question.SCREENING, Answer.SCREENING_RECENT));
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
        var turn = tap(atQuestion(3), new Action.Choose(3, Question.BIRTH_CONTROL, Answer.ONCE));
        assertThat(turn.check()).isEqualTo(atQuestion(3));
    }

    @Test
    void aTapOnAFinishedCheckSaysItIsFinished() {
        var turn = tap(atQuestion(8), new Action.Choose(3, Question.SCREENING, Answer.SCREENING_RECENT));
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
        var turn = tap(atQuestion(3), new Action.Back(3, Question.BIRTH_CONTROL));
        assertThat(turn.check().orElseThrow().current()).contains(Question.FREQUENCY);
    }

    @Test
    void backFromAnOlderQuestionIsStale() {
        var turn = tap(atQuestion(3), new Action.Back(3, Question.FREQUENCY));
        assertThat(turn.check()).isEqualTo(atQuestion(3));
        assertThat(turn.replies()).first().isEqualTo(new PopUp("toast.stale", false));
    }

    @Test
    void whyThisQuestionIsAnAlertAndChangesNothing() {
        var turn = tap(atQuestion(4), new Action.WhyQuestion(Question.DRYNESS));
        assertThat(turn.replies()).containsExactly(new PopUp("question.dryness.why", true));
        assertThat(turn.check()).isEqualTo(atQuestion(4));
    }

    @Test
    void whyACauseIsAnAlert() {
        assertThat(tap(atQuestion(8), new Action.WhyCause(Cause.STI)).replies())
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
}
