package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * product.md, "The questions" (version 2) and "Reminders": which answers a question offers, and what a
 * finished or unfinished check allows.
 */
class QuestionPathTest {

    private static final Optional<LocalDate> REMEMBERED = Optional.of(LocalDate.of(2026, 11, 1));

    @Test
    void afterARememberedCheckItHappenedAgainIsOfferedFirstForHowOften() {
        var check = Check.begin(1, REMEMBERED);
        assertThat(check.choices(Question.FREQUENCY))
                .containsExactly(Answer.AGAIN_SINCE_LAST, Answer.ONCE, Answer.FEW_TIMES, Answer.IN_A_ROW);
    }

    @Test
    void withoutARememberedCheckItHappenedAgainIsNotOffered() {
        assertThat(Check.begin(1).choices(Question.FREQUENCY)).containsExactly(Answer.ONCE, Answer.FEW_TIMES, Answer.IN_A_ROW);
    }

    @Test
    void aRememberedCheckAddsNothingToTheOtherQuestions() {
        var check = Check.begin(1, REMEMBERED);
        for (var question : Question.values()) {
            if (question != Question.FREQUENCY) {
                assertThat(check.choices(question)).as(question.name()).isEqualTo(question.answers());
            }
        }
    }

    @Test
    void itHappenedAgainCanBeAnsweredOnlyAfterARememberedCheck() {
        var withMemory = Check.begin(1, REMEMBERED).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_25_39)
                .answer(Answer.PREGNANT).answer(Answer.AGAIN_SINCE_LAST);
        assertThat(withMemory.answers()).containsEntry(Question.FREQUENCY, Answer.AGAIN_SINCE_LAST);
        var without = Check.begin(1).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_25_39).answer(Answer.PREGNANT);
        assertThatThrownBy(() -> without.answer(Answer.AGAIN_SINCE_LAST)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheSafetyQuestionIsTheFirstQuestion() {
        assertThat(Check.begin(1).isFirstQuestion()).isTrue();
        assertThat(Check.begin(1).answer(Answer.EMERGENCY_NONE).isFirstQuestion()).isFalse();
    }

    @Test
    void aFinishedCheckIsNotAtItsFirstQuestion() {
        assertThat(Check.begin(1).answer(Answer.EMERGENCY_YES).isFirstQuestion()).isFalse();
    }

    @Test
    void anUnfinishedCheckHasNoResultYet() {
        assertThatThrownBy(() -> Check.begin(1).answer(Answer.EMERGENCY_NONE).result())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFinishedCheckTakesNoMoreAnswers() {
        var finished = Check.begin(1).answer(Answer.EMERGENCY_YES);
        assertThatThrownBy(() -> finished.answer(Answer.AGE_25_39)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFinishedCheckHasNoQuestionToGoBackFrom() {
        var finished = Check.begin(1).answer(Answer.EMERGENCY_YES);
        assertThatThrownBy(finished::back).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmergencyPathIsTheSafetyQuestionAlone() {
        assertThat(Check.begin(1).answer(Answer.EMERGENCY_YES).path()).containsExactly(Question.EMERGENCY);
    }

    @Test
    void onlyAnsweredQuestionsCountAsGiven() {
        var skippedAge = new Check(1, Map.of(Question.EMERGENCY, Answer.EMERGENCY_NONE), Optional.of(Question.SITUATION));
        assertThat(skippedAge.given()).containsOnlyKeys(Question.EMERGENCY);
    }

    @Test
    void theResultUsesTheScreeningStartAgeItIsGiven() {
        var check = Check.begin(1);
        for (var answer : new Answer[] {Answer.EMERGENCY_NONE, Answer.AGE_16_24, Answer.SITUATION_NONE, Answer.ONCE,
                Answer.BETWEEN_NO, Answer.BIRTH_CONTROL_NO, Answer.PAIN_NO, Answer.DISCHARGE_NO, Answer.STI_RISK_NO,
                Answer.SCREENING_OVERDUE}) {
            check = check.answer(answer);
        }
        assertThat(check.result().urgency()).isEqualTo(Urgency.WATCH);
        assertThat(check.result(21).urgency()).isEqualTo(Urgency.SOON);
    }

    @Test
    void textKeysNameTheQuestionAndTheAnswer() {
        assertThat(Answer.ONCE.key()).isEqualTo("frequency.once");
        assertThat(Answer.HYSTERECTOMY_RECENT.key()).isEqualTo("screening.hysterectomy_recent");
        assertThat(Urgency.TODAY.key()).isEqualTo("today");
        assertThat(ReminderKind.CHECK_IN.key()).isEqualTo("check_in");
        assertThat(Cause.CERVICAL_CHANGES.key()).isEqualTo("cervical_changes");
    }

    @Test
    void anUnknownCodeNamesNothing() {
        assertThat(Question.ofCode("?")).isNull();
        assertThat(Question.AGE.answerOfCode("?")).isNull();
        assertThat(Cause.ofCode("?")).isNull();
    }
}
