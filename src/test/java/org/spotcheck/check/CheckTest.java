package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void aNewCheckStartsAtTheSafetyQuestion() {
        assertThat(Check.begin(1).current()).contains(Question.EMERGENCY);
    }

    @Test
    void answeringMovesToTheNextQuestion() {
        var check = Check.begin(1).answer(Answer.EMERGENCY_NONE);
        assertThat(check.current()).contains(Question.AGE);
        assertThat(check.answers()).containsEntry(Question.EMERGENCY, Answer.EMERGENCY_NONE);
    }

    @Test
    void theEmergencyAnswerEndsTheCheckAtOnce() {
        var check = Check.begin(1).answer(Answer.EMERGENCY_YES);
        assertThat(check.finished()).isTrue();
        assertThat(check.result().urgency()).isEqualTo(Urgency.NOW);
    }

    @Test
    void theEmergencyAnswerGivenAfterGoingBackKeepsOnlyThatAnswer() {
        var check = Check.begin(1).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_13_15).back().back()
                .answer(Answer.EMERGENCY_YES);
        assertThat(check.finished()).isTrue();
        assertThat(check.answers()).containsOnlyKeys(Question.EMERGENCY);
    }

    @Test
    void aSlightTemperatureWithPainGoesOnWithTheQuestions() {
        assertThat(Check.begin(1).answer(Answer.EMERGENCY_SLIGHT_FEVER).current()).contains(Question.AGE);
    }

    @Test
    void answeringTheLastQuestionFinishesTheCheck() {
        var check = Check.begin(1);
        while (!check.finished()) {
            var question = check.current().orElseThrow();
            check = check.answer(question == Question.EMERGENCY ? Answer.EMERGENCY_NONE : question.answers().get(0));
        }
        assertThat(check.answers()).containsKey(Question.SCREENING);
    }

    @Test
    void theBetweenPeriodsQuestionFollowsOnlyNoneOfThese() {
        var none = Check.begin(1).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_25_39)
                .answer(Answer.SITUATION_NONE).answer(Answer.ONCE);
        assertThat(none.current()).contains(Question.BETWEEN_PERIODS);
        var menopause = Check.begin(1).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_40_PLUS)
                .answer(Answer.MENOPAUSE).answer(Answer.ONCE);
        assertThat(menopause.current()).contains(Question.BIRTH_CONTROL);
    }

    @Test
    void progressCountsTheQuestionsThisPersonIsAskedAndShrinksWhenOneIsSkipped() {
        var atSituation = Check.begin(1).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_25_39);
        assertThat(atSituation.number()).isEqualTo(3);
        assertThat(atSituation.total()).isEqualTo(10);
        var pregnant = atSituation.answer(Answer.PREGNANT);
        assertThat(pregnant.number()).isEqualTo(4);
        assertThat(pregnant.total()).isEqualTo(9);
        var none = atSituation.answer(Answer.SITUATION_NONE);
        assertThat(none.number()).isEqualTo(4);
        assertThat(none.total()).isEqualTo(10);
    }

    @Test
    void theCervixQuestionFollowsOnlyAHysterectomyAnswer() {
        var atScreening = Check.begin(1).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_25_39).answer(Answer.PREGNANT)
                .answer(Answer.ONCE).answer(Answer.BIRTH_CONTROL_NO).answer(Answer.PAIN_NO).answer(Answer.DISCHARGE_NO)
                .answer(Answer.STI_RISK_NO);
        assertThat(atScreening.number()).isEqualTo(9);
        assertThat(atScreening.total()).isEqualTo(9);
        var hysterectomy = atScreening.answer(Answer.HYSTERECTOMY_PAST);
        assertThat(hysterectomy.current()).contains(Question.CERVIX);
        assertThat(hysterectomy.number()).isEqualTo(10);
        assertThat(hysterectomy.total()).isEqualTo(10);
        var normal = atScreening.answer(Answer.SCREENING_NORMAL);
        assertThat(normal.finished()).isTrue();
        assertThat(normal.total()).isEqualTo(9);
    }

    @Test
    void eachAnswerMovesTheNumberUpByOneAndBackMovesItDownByOne() {
        var check = Check.begin(1);
        int number = 1;
        while (!check.finished()) {
            assertThat(check.number()).isEqualTo(number);
            if (number > 1) {
                assertThat(check.back().number()).isEqualTo(number - 1);
            }
            var question = check.current().orElseThrow();
            check = check.answer(question == Question.EMERGENCY ? Answer.EMERGENCY_NONE : question.answers().get(1));
            number++;
        }
    }

    @Test
    void backReturnsToThePreviousQuestionAndKeepsItsAnswer() {
        var check = Check.begin(1).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_16_24).back();
        assertThat(check.current()).contains(Question.AGE);
        assertThat(check.answers()).containsEntry(Question.AGE, Answer.AGE_16_24);
    }

    @Test
    void backSkipsAQuestionThatWasNotAsked() {
        var check = Check.begin(1).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_25_39)
                .answer(Answer.PREGNANT).answer(Answer.ONCE);
        assertThat(check.current()).contains(Question.BIRTH_CONTROL);
        assertThat(check.back().current()).contains(Question.FREQUENCY);
    }

    @Test
    void anAnswerKeptAfterGoingBackCountsOnlyWhenGivenAgain() {
        var check = Check.begin(1).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_40_PLUS).back();
        assertThat(check.given()).doesNotContainKey(Question.AGE);
    }

    @Test
    void backOnTheFirstQuestionStaysThere() {
        assertThat(Check.begin(1).back()).isEqualTo(Check.begin(1));
    }

    @Test
    void anAnswerToAnotherQuestionIsRefused() {
        assertThatThrownBy(() -> Check.begin(1).answer(Answer.ONCE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyQuestionHasAtLeastTwoAnswers() {
        for (var question : Question.values()) {
            assertThat(question.answers()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void codesAreUniqueSoCallbackDataNamesExactlyOneChoice() {
        assertThat(java.util.Arrays.stream(Question.values()).map(Question::code).distinct()).hasSize(Question.values().length);
        for (var question : Question.values()) {
            assertThat(question.answers().stream().map(Answer::code).distinct()).hasSize(question.answers().size());
            for (var answer : question.answers()) {
                assertThat(question.answerOfCode(answer.code())).isEqualTo(answer);
            }
            assertThat(Question.ofCode(question.code())).isEqualTo(question);
        }
        for (var cause : Cause.values()) {
            assertThat(Cause.ofCode(cause.code())).isEqualTo(cause);
        }
    }
}
