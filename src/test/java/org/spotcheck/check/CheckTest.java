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
        var check = Check.begin(1).answer(Answer.EMERGENCY_NO);
        assertThat(check.current()).contains(Question.SITUATION);
        assertThat(check.answers()).containsEntry(Question.EMERGENCY, Answer.EMERGENCY_NO);
    }

    @Test
    void theEmergencyAnswerEndsTheCheckAtOnce() {
        var check = Check.begin(1).answer(Answer.EMERGENCY_YES);
        assertThat(check.finished()).isTrue();
        assertThat(check.result().urgency()).isEqualTo(Urgency.NOW);
    }

    @Test
    void answeringTheLastQuestionFinishesTheCheck() {
        var check = Check.begin(1);
        for (var question : Question.values()) {
            check = check.answer(question.answers().get(question == Question.EMERGENCY ? 1 : 0));
        }
        assertThat(check.finished()).isTrue();
        assertThat(check.answers()).hasSize(Question.count());
    }

    @Test
    void backReturnsToThePreviousQuestionAndKeepsItsAnswer() {
        var check = Check.begin(1).answer(Answer.EMERGENCY_NO).answer(Answer.NEITHER).back();
        assertThat(check.current()).contains(Question.SITUATION);
        assertThat(check.answers()).containsEntry(Question.SITUATION, Answer.NEITHER);
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
}
