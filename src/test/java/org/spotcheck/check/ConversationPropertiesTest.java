package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.spotcheck.check.InputSequences.inputsUpTo;
import static org.spotcheck.check.InputSequences.play;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.spotcheck.check.InputSequences.Played;
import org.spotcheck.check.InputSequences.Step;
import org.spotcheck.check.Reply.PopUp;
import org.spotcheck.check.Reply.ShowQuestion;
import org.spotcheck.check.Reply.ShowResult;

/**
 * Properties of the conversation over random sequences of inputs (1 to 60), starting from a chat
 * that has never had a check, in a random context (reminder delays, maybe a remembered check).
 * Each property replays the whole sequence and checks every turn.
 */
class ConversationPropertiesTest {

    private static final int TRIES = 10_000;

    @Provide
    Arbitrary<List<Step>> sequences() {
        return InputSequences.sequences(60);
    }

    @Provide
    Arbitrary<Context> contexts() {
        return InputSequences.contexts();
    }

    @Property(tries = TRIES)
    void handlingAnySequenceOfInputsNeverThrows(@ForAll("sequences") List<Step> steps, @ForAll("contexts") Context context) {
        assertThatCode(() -> play(steps, context)).doesNotThrowAnyException();
    }

    @Property(tries = TRIES)
    void everyCheckAfterEveryTurnIsValid(@ForAll("sequences") List<Step> steps, @ForAll("contexts") Context context) {
        var played = play(steps, context);
        for (int i = 0; i < played.size(); i++) {
            var check = played.get(i).after();
            if (check.isPresent()) {
                assertThat(violations(check.get())).as(whatHappened(played, i)).isEmpty();
            }
        }
    }

    /**
     * Ids only move forward: a check appears only by "Start" (or a check-in's "It happened again",
     * which starts a check the same way), with exactly the next id (1 for a chat without a check),
     * and every other input keeps the id. The one way back to id 1 is through an erase, after which
     * the chat has no check at all.
     */
    @Property(tries = TRIES)
    void aNewCheckTakesTheDrawnIdButNeverTheIdOfTheCheckBeforeItAndOnlyOnBegin(@ForAll("sequences") List<Step> steps, @ForAll("contexts") Context context) {
        var played = play(steps, context);
        for (int i = 0; i < played.size(); i++) {
            var turn = played.get(i);
            var before = turn.before().map(Check::id);
            var after = turn.after().map(Check::id);
            var why = whatHappened(played, i);
            after.ifPresent(id -> assertThat(id).as(why).isGreaterThanOrEqualTo(1));
            if (startsACheck(turn.input())) {
                assertThat(after).as(why).isPresent();
                assertThat(after).as(why).isNotEqualTo(before);
                if (before.filter(id -> id == context.newCheckId()).isEmpty()) {
                    assertThat(after).as(why).contains(context.newCheckId());
                }
            } else if (after.isPresent()) {
                assertThat(after).as(why).isEqualTo(before);
            } else {
                assertThat(before.isEmpty() || isTap(turn.input(), Action.ForgetConfirm.class)).as(why).isTrue();
            }
        }
    }

    @Property(tries = TRIES)
    void aTapIsAnsweredWithAtMostOnePopUpAndNothingElseGetsOne(@ForAll("sequences") List<Step> steps, @ForAll("contexts") Context context) {
        var played = play(steps, context);
        for (int i = 0; i < played.size(); i++) {
            var turn = played.get(i);
            long popUps = turn.turn().replies().stream().filter(PopUp.class::isInstance).count();
            assertThat(popUps).as(whatHappened(played, i))
                    .isLessThanOrEqualTo(turn.input() instanceof Input.Tap ? 1 : 0);
        }
    }

    @Property(tries = TRIES)
    void aResultIsShownExactlyWhenTheCheckHasJustFinished(@ForAll("sequences") List<Step> steps, @ForAll("contexts") Context context) {
        var played = play(steps, context);
        for (int i = 0; i < played.size(); i++) {
            var turn = played.get(i);
            var results = turn.turn().replies().stream()
                    .filter(ShowResult.class::isInstance).map(ShowResult.class::cast).toList();
            boolean justFinished = turn.before().filter(c -> !c.finished()).isPresent()
                    && turn.after().filter(Check::finished).isPresent();
            var why = whatHappened(played, i);
            boolean askedAgain = turn.input() instanceof Input.Tap tap
                    && (tap.action() instanceof Action.ShowResult || tap.action() instanceof Action.Resume)
                    && turn.before().filter(Check::finished).isPresent();
            if (justFinished || askedAgain) {
                var finished = turn.after().orElseThrow();
                assertThat(results).as(why).containsExactly(new ShowResult(finished, finished.result(context.screeningStartAge())));
            } else {
                assertThat(results).as(why).isEmpty();
            }
        }
    }

    @Property(tries = TRIES)
    void aQuestionShownIsTheCurrentQuestionOfTheChatsCheck(@ForAll("sequences") List<Step> steps, @ForAll("contexts") Context context) {
        var played = play(steps, context);
        for (int i = 0; i < played.size(); i++) {
            var turn = played.get(i);
            for (var reply : turn.turn().replies()) {
                if (reply instanceof ShowQuestion show) {
                    assertThat(Optional.of(show.check())).as(whatHappened(played, i)).isEqualTo(turn.after());
                    assertThat(show.check().finished()).as(whatHappened(played, i)).isFalse();
                }
            }
        }
    }

    @Property(tries = TRIES)
    void eraseHappensOnlyAfterForgetConfirmAndLeavesNoCheck(@ForAll("sequences") List<Step> steps, @ForAll("contexts") Context context) {
        var played = play(steps, context);
        for (int i = 0; i < played.size(); i++) {
            var turn = played.get(i);
            var why = whatHappened(played, i);
            boolean confirmed = isTap(turn.input(), Action.ForgetConfirm.class);
            assertThat(turn.turn().erase()).as(why).isEqualTo(confirmed);
            if (turn.turn().erase()) {
                assertThat(turn.after()).as(why).isEmpty();
            }
        }
    }

    @Property(tries = TRIES)
    void onlyTapsChangeTheCheck(@ForAll("sequences") List<Step> steps, @ForAll("contexts") Context context) {
        var played = play(steps, context);
        for (int i = 0; i < played.size(); i++) {
            var turn = played.get(i);
            if (!(turn.input() instanceof Input.Tap)) {
                assertThat(turn.after()).as(whatHappened(played, i)).isEqualTo(turn.before());
            }
        }
    }

    @Property(tries = TRIES)
    void aFinishedCheckHasAResultThatIsUrgentNowExactlyWhenTheEmergencyWasConfirmed(
            @ForAll("sequences") List<Step> steps, @ForAll("contexts") Context context) {
        var played = play(steps, context);
        for (int i = 0; i < played.size(); i++) {
            var check = played.get(i).after();
            if (check.isEmpty() || !check.get().finished()) {
                continue;
            }
            var why = whatHappened(played, i);
            var result = Triage.assess(check.get().given(), context.screeningStartAge());
            assertThat(check.get().result(context.screeningStartAge())).as(why).isEqualTo(result);
            boolean emergency = check.get().answers().get(Question.EMERGENCY) == Answer.EMERGENCY_YES;
            assertThat(result.urgency() == Urgency.NOW).as(why).isEqualTo(emergency);
            if (emergency) {
                assertThat(result.matched(Triage.rules().get(0).key())).as(why).isTrue();
            }
        }
    }

    /**
     * What makes a check valid, as a list of what is wrong with it (empty when valid): every answer
     * answers its own question, and is one this check offers ("it happened again" only when an
     * earlier check is remembered); a check in progress has answered every question before the current
     * one on its path and not confirmed an emergency (that ends the check); a finished check ended on
     * the emergency or answered every question on its path; the id is at least 1.
     */
    static List<String> violations(Check check) {
        var wrong = new java.util.ArrayList<String>();
        check.answers().forEach((question, answer) -> {
            if (answer.question() != question) {
                wrong.add(answer + " stored as the answer to " + question);
            } else if (!check.choices(question).contains(answer)) {
                wrong.add(answer + " answered but not offered");
            }
        });
        boolean emergency = check.answers().get(Question.EMERGENCY) == Answer.EMERGENCY_YES;
        if (check.finished()) {
            if (!emergency && !check.answers().keySet().containsAll(check.path())) {
                wrong.add("finished with " + check.answers().size() + " answers and no emergency");
            }
        } else {
            var current = check.current().orElseThrow();
            if (!check.path().contains(current)) {
                wrong.add(current + " on screen but not on the path " + check.path());
            }
            for (var question : check.path()) {
                if (question.ordinal() < current.ordinal() && !check.answers().containsKey(question)) {
                    wrong.add(question + " unanswered before " + current);
                }
            }
            if (emergency) {
                wrong.add("in progress after the emergency was confirmed");
            }
        }
        if (check.id() < 1) {
            wrong.add("id " + check.id());
        }
        return wrong;
    }

    /** Says, only when an assertion fails, what the inputs were and what the last turn gave. */
    private static Supplier<String> whatHappened(List<Played> played, int turn) {
        return () -> "turn " + turn + " gave " + played.get(turn).turn() + " after" + inputsUpTo(played, turn);
    }

    private static boolean startsACheck(Input input) {
        return isTap(input, Action.Begin.class)
                || input instanceof Input.Tap tap && tap.action() instanceof Action.CheckInAnswer again
                        && again.happenedAgain();
    }

    private static boolean isTap(Input input, Class<? extends Action> kind) {
        return input instanceof Input.Tap tap && kind.isInstance(tap.action());
    }
}
