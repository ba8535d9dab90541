package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.spotcheck.check.Reply.Page;
import org.spotcheck.check.Reply.PopUp;
import org.spotcheck.check.Reply.ShowPage;
import org.spotcheck.check.Reply.ShowQuestion;

/**
 * product.md, "The conversation" and "Commands": a button only counts for the check and question
 * it was shown with; anything else is a short nudge and the current question again.
 */
class ButtonsAndPagesTest {

    private static final int ID = 7;

    private static Context drawn(int id) {
        return new Context(Context.DEFAULT_DELAYS, Optional.empty(), id, Context.DEFAULT_START_AGE);
    }

    private static Conversation.Turn tap(Optional<Check> check, Action action) {
        return Conversation.handle(check, new Input.Tap(action), drawn(40));
    }

    /** At the question after the emergency question, the age. */
    private static Optional<Check> atAge() {
        return Optional.of(Check.begin(ID).answer(Answer.EMERGENCY_NONE));
    }

    private static Optional<Check> finished() {
        return ReminderFollowUpsTest.finished();
    }

    @Test
    void beginWithoutAnyCheckStartsACheckWithTheDrawnId() {
        var turn = Conversation.handle(Optional.empty(), new Input.Tap(new Action.Begin()), drawn(40));
        assertThat(turn.check()).contains(Check.begin(40));
    }

    @Test
    void aDrawnIdEqualToTheCheckOnScreenIsMovedOnByOne() {
        var turn = Conversation.handle(atAge(), new Input.Tap(new Action.Begin()), drawn(ID));
        assertThat(turn.check().orElseThrow().id()).isEqualTo(ID + 1);
    }

    @Test
    void aDrawnIdEqualToTheLargestIdOnScreenWrapsToOne() {
        var onScreen = Optional.of(Check.begin(Integer.MAX_VALUE));
        var turn = Conversation.handle(onScreen, new Input.Tap(new Action.Begin()), drawn(Integer.MAX_VALUE));
        assertThat(turn.check().orElseThrow().id()).isEqualTo(1);
    }

    @Test
    void aNewCheckStartsAtTheSafetyQuestionAndIsShown() {
        var turn = Conversation.handle(finished(), new Input.Tap(new Action.Begin()), drawn(40));
        assertThat(turn.replies()).containsExactly(new ShowQuestion(Check.begin(40)));
    }

    @Test
    void aCheckIdIsPositive() {
        assertThatThrownBy(() -> drawn(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> drawn(-3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(drawn(1).newCheckId()).isEqualTo(1);
    }

    @Test
    void showResultWithoutAnyCheckIsStaleAndShowsTheWelcome() {
        assertThat(tap(Optional.empty(), new Action.ShowResult()).replies())
                .containsExactly(new PopUp("toast.stale", false), new ShowPage(Page.WELCOME, false));
    }

    @Test
    void continueWithoutAnyCheckIsStaleAndShowsTheWelcome() {
        assertThat(tap(Optional.empty(), new Action.Resume()).replies())
                .containsExactly(new PopUp("toast.stale", false), new ShowPage(Page.WELCOME, false));
    }

    @Test
    void showResultDuringACheckIsStaleAndShowsTheCurrentQuestion() {
        assertThat(tap(atAge(), new Action.ShowResult()).replies())
                .containsExactly(new PopUp("toast.stale", false), new ShowQuestion(atAge().get()));
    }

    @Test
    void anAnswerWithTheRightQuestionFromAnotherCheckIsStale() {
        var turn = tap(atAge(), new Action.Choose(ID + 1, Question.AGE, Answer.AGE_25_39));
        assertThat(turn.check()).isEqualTo(atAge());
        assertThat(turn.replies()).containsExactly(new PopUp("toast.stale", false), new ShowQuestion(atAge().get()));
    }

    @Test
    void anAnswerForThisCheckAndQuestionCounts() {
        var turn = tap(atAge(), new Action.Choose(ID, Question.AGE, Answer.AGE_25_39));
        assertThat(turn.check().orElseThrow().answers()).containsEntry(Question.AGE, Answer.AGE_25_39);
    }

    @Test
    void backFromAnotherCheckIsStale() {
        var turn = tap(atAge(), new Action.Back(ID + 1, Question.AGE));
        assertThat(turn.check()).isEqualTo(atAge());
        assertThat(turn.replies()).containsExactly(new PopUp("toast.stale", false), new ShowQuestion(atAge().get()));
    }

    @Test
    void backOnTheFirstQuestionIsStaleBecauseThatQuestionHasNoBack() {
        var first = Optional.of(Check.begin(ID));
        var turn = tap(first, new Action.Back(ID, Question.EMERGENCY));
        assertThat(turn.replies()).containsExactly(new PopUp("toast.stale", false), new ShowQuestion(first.get()));
    }

    @Test
    void backOnTheSecondQuestionShowsTheFirst() {
        var turn = tap(atAge(), new Action.Back(ID, Question.AGE));
        assertThat(turn.replies()).containsExactly(new ShowQuestion(atAge().get().back()));
        assertThat(turn.check().orElseThrow().current()).contains(Question.EMERGENCY);
    }

    @Test
    void theEraseButtonAsksForConfirmationFirst() {
        var turn = tap(atAge(), new Action.ForgetAsk());
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.FORGET_ASK, false));
        assertThat(turn.erase()).isFalse();
        assertThat(turn.check()).isEqualTo(atAge());
    }

    @Test
    void keepingTheDataAfterAFinishedCheckShowsNoQuestion() {
        var turn = tap(finished(), new Action.ForgetCancel());
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.FORGET_KEPT, false));
        assertThat(turn.check()).isEqualTo(finished());
    }

    @Test
    void thePrivacyCommandShowsThePrivacyPage() {
        assertThat(Conversation.handle(atAge(), new Input.Typed(Input.Command.PRIVACY)).replies())
                .containsExactly(new ShowPage(Page.PRIVACY, false));
    }

    @Test
    void theHelpCommandShowsTheHelpPage() {
        assertThat(Conversation.handle(atAge(), new Input.Typed(Input.Command.HELP)).replies())
                .containsExactly(new ShowPage(Page.HELP, false));
    }

    @Test
    void theLanguageCommandOffersTheLanguages() {
        var turn = Conversation.handle(atAge(), new Input.Typed(Input.Command.LANGUAGE));
        assertThat(turn.replies()).containsExactly(new Reply.ChooseLanguage());
        assertThat(turn.check()).isEqualTo(atAge());
    }

    @Test
    void choosingALanguageDuringACheckSetsItAndShowsTheQuestionAgain() {
        var turn = tap(atAge(), new Action.SetLanguage("de"));
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.LANGUAGE_SET, false), new ShowQuestion(atAge().get()));
        assertThat(turn.effects()).containsExactly(new Effect.SetLanguage("de"));
        assertThat(turn.check()).isEqualTo(atAge());
    }

    @Test
    void choosingALanguageAfterAFinishedCheckOnlySaysItIsSet() {
        var turn = tap(finished(), new Action.SetLanguage("es"));
        assertThat(turn.replies()).containsExactly(new ShowPage(Page.LANGUAGE_SET, false));
        assertThat(turn.effects()).containsExactly(new Effect.SetLanguage("es"));
    }

    @Test
    void anOrdinaryTurnIsStoredAsUsual() {
        assertThat(tap(atAge(), new Action.ShowPrivacy()).leavesNoTrace()).isFalse();
        assertThat(tap(atAge(), new Action.Choose(ID, Question.AGE, Answer.AGE_25_39)).leavesNoTrace()).isFalse();
    }

    @Test
    void aTurnThatShowsNothingIsNotTheConsentPage() {
        assertThat(new Conversation.Turn(atAge(), List.of(), List.of()).leavesNoTrace()).isFalse();
    }

    @Test
    void aTurnThatShowsTheConsentPageAndSomethingElseIsNotTraceless() {
        var mixed = new Conversation.Turn(atAge(), List.of(new Reply.ShowConsent(), new ShowQuestion(atAge().get())), List.of());
        assertThat(mixed.leavesNoTrace()).isFalse();
    }

    @Test
    void theConsentPageFromTheWelcomeLeavesNoTrace() {
        var turn = tap(Optional.empty(), new Action.ShowConsent());
        assertThat(turn.replies()).containsExactly(new Reply.ShowConsent());
        assertThat(turn.check()).isEmpty();
        assertThat(turn.effects()).isEmpty();
        assertThat(turn.leavesNoTrace()).isTrue();
    }

    @Test
    void closingTheConsentPageLeavesNoTraceAndKeepsTheResult() {
        var turn = tap(finished(), new Action.CloseConsent());
        assertThat(turn.replies()).containsExactly(new Reply.CloseConsent());
        assertThat(turn.check()).isEqualTo(finished());
        assertThat(turn.leavesNoTrace()).isTrue();
    }
}
