package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Reading a stored check back, including the answer names that version 1 of the rules stored. */
class RestoreTest {

    @Test
    void aVersion2CheckReadsBackExactlyAsStored() {
        var check = Check.begin(9).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_25_39).answer(Answer.SITUATION_NONE);
        var stored = String.join(",", check.answers().values().stream().map(Answer::name).sorted().toList());
        assertThat(Restore.check(9, stored, "FREQUENCY", Optional.empty())).isEqualTo(check);
    }

    @Test
    void aCheckThatWentBackReadsBackAtTheQuestionOnScreen() {
        var check = Check.begin(9).answer(Answer.EMERGENCY_NONE).answer(Answer.AGE_25_39).back();
        assertThat(Restore.check(9, "AGE_25_39,EMERGENCY_NONE", "AGE", Optional.empty())).isEqualTo(check);
    }

    @Test
    void version1AnswersWhoseMeaningChangedAreAskedAgain() {
        var check = Restore.check(1, "EMERGENCY_NO,NEITHER,ONCE,DRY_OFTEN,SCREENING_RECENT", "BIRTH_CONTROL", Optional.empty());
        assertThat(check.answers()).containsOnlyKeys(Question.FREQUENCY);
        assertThat(check.current()).contains(Question.EMERGENCY);
    }

    @Test
    void version1NoDrynessOrPainMeansNoPainNow() {
        assertThat(Restore.check(1, "DRY_NO", "DISCHARGE", Optional.empty()).answers())
                .containsEntry(Question.PAIN, Answer.PAIN_NO);
    }

    @Test
    void aVersion1QuestionNameThatNoLongerExistsStartsFromTheFirstUnansweredQuestion() {
        assertThat(Restore.check(1, "", "DRYNESS", Optional.empty()).current()).contains(Question.EMERGENCY);
    }

    @Test
    void aStoredQuestionPastTheFirstUnansweredOneIsNotTrusted() {
        assertThat(Restore.check(1, "EMERGENCY_NONE", "SCREENING", Optional.empty()).current()).contains(Question.AGE);
    }

    @Test
    void aFinishedCheckMissingAnAnswerIsNoLongerFinished() {
        var check = Restore.check(1, "EMERGENCY_NO,NEITHER,ONCE", null, Optional.empty());
        assertThat(check.finished()).isFalse();
    }

    @Test
    void aFinishedEmergencyCheckStaysFinishedAtNow() {
        var check = Restore.check(1, "EMERGENCY_YES,ONCE", null, Optional.empty());
        assertThat(check.finished()).isTrue();
        assertThat(check.answers()).containsOnlyKeys(Question.EMERGENCY);
        assertThat(check.result().urgency()).isEqualTo(Urgency.NOW);
    }

    @Test
    void itHappenedAgainWithoutTheEarlierCheckIsAskedAgain() {
        assertThat(Restore.check(1, "AGAIN_SINCE_LAST", "BETWEEN_PERIODS", Optional.empty()).answers()).isEmpty();
        var earlier = Optional.of(LocalDate.of(2026, 9, 30));
        assertThat(Restore.check(1, "AGAIN_SINCE_LAST", "BETWEEN_PERIODS", earlier).answers())
                .containsEntry(Question.FREQUENCY, Answer.AGAIN_SINCE_LAST);
    }

    @Test
    void unknownNamesAndSpacesAreIgnored() {
        assertThat(Restore.check(1, " ONCE , NOT_AN_ANSWER,,", null, Optional.empty()).answers())
                .containsOnlyKeys(Question.FREQUENCY);
    }
}
