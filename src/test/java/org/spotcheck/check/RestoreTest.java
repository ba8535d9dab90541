package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * A check stored by version 1 or 2 of the rules (or by this version) is read back so its answers
 * still mean the same, or the person is asked the changed questions again (issue 10, point 8;
 * issue 18, upgrades).
 */
class RestoreTest {

    private static final Optional<LocalDate> NO_EARLIER = Optional.empty();
    private static final Optional<LocalDate> EARLIER = Optional.of(LocalDate.of(2026, 10, 1));

    @Test
    void aCheckStoredByThisVersionComesBackAsItWas() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,SITUATION_NONE", "FREQUENCY", NO_EARLIER);
        assertThat(check).isEqualTo(new Check(9, Map.of(Question.EMERGENCY, Answer.EMERGENCY_NONE,
                Question.AGE, Answer.AGE_25_39, Question.SITUATION, Answer.SITUATION_NONE), Optional.of(Question.FREQUENCY)));
    }

    @Test
    void spacesAndEmptyNamesInTheStoredAnswersAreIgnored() {
        var check = Restore.check(9, " EMERGENCY_NONE ,, AGE_25_39", "SITUATION", NO_EARLIER);
        assertThat(check.answers()).containsOnlyKeys(Question.EMERGENCY, Question.AGE);
        assertThat(check.current()).contains(Question.SITUATION);
    }

    @Test
    void aStoredEmergencyStaysAFinishedEmergencyWithNothingElse() {
        var check = Restore.check(9, "EMERGENCY_YES,PREGNANT", "SITUATION", EARLIER);
        assertThat(check.finished()).isTrue();
        assertThat(check.answers()).containsExactly(Map.entry(Question.EMERGENCY, Answer.EMERGENCY_YES));
        assertThat(check.earlier()).isEqualTo(EARLIER);
        assertThat(check.result().urgency()).isEqualTo(Urgency.NOW);
    }

    @Test
    void versionOnesNoToTheEmergencyQuestionIsAskedAgainBecauseItDidNotKnowTheSlightTemperature() {
        var check = Restore.check(9, "EMERGENCY_NO,ONCE", "BIRTH_CONTROL", NO_EARLIER);
        assertThat(check.current()).contains(Question.EMERGENCY);
        assertThat(check.answers()).containsExactly(Map.entry(Question.FREQUENCY, Answer.ONCE));
    }

    @Test
    void versionOnesNeitherIsAskedAgainBecauseItDidNotKnowTheNewLifeStages() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,NEITHER,ONCE", "BIRTH_CONTROL", NO_EARLIER);
        assertThat(check.current()).contains(Question.SITUATION);
        assertThat(check.answers()).doesNotContainKey(Question.SITUATION);
    }

    @Test
    void versionOnesDrynessAnswersAreAskedAgainBecauseTheyDidNotTellDeepPainApart() {
        for (var dry : new String[] {"DRY_OFTEN", "DRY_SOMETIMES"}) {
            var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,ONCE,BIRTH_CONTROL_NO," + dry, "DISCHARGE", NO_EARLIER);
            assertThat(check.current()).as(dry).contains(Question.PAIN);
            assertThat(check.answers()).as(dry).doesNotContainKey(Question.PAIN);
        }
    }

    @Test
    void versionOnesNoDrynessStillMeansNoPain() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,ONCE,BIRTH_CONTROL_NO,DRY_NO", "DISCHARGE", NO_EARLIER);
        assertThat(check.answers()).containsEntry(Question.PAIN, Answer.PAIN_NO);
        assertThat(check.current()).contains(Question.DISCHARGE);
    }

    @Test
    void versionOnesRecentScreeningIsAskedAgainBecauseItDidNotSayNormal() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,ONCE,BIRTH_CONTROL_NO,PAIN_NO,DISCHARGE_NO,"
                + "STI_RISK_NO,SCREENING_RECENT", null, NO_EARLIER);
        assertThat(check.finished()).isFalse();
        assertThat(check.current()).contains(Question.SCREENING);
    }

    @Test
    void anUnknownAnswerNameIsDroppedAndAskedAgain() {
        var check = Restore.check(9, "EMERGENCY_NONE,SOMETHING_ELSE", "AGE", NO_EARLIER);
        assertThat(check.answers()).containsOnlyKeys(Question.EMERGENCY);
        assertThat(check.current()).contains(Question.AGE);
    }

    @Test
    void itHappenedAgainIsKeptWhenTheEarlierCheckIsStillRemembered() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,AGAIN_SINCE_LAST", "BIRTH_CONTROL", EARLIER);
        assertThat(check.answers()).containsEntry(Question.FREQUENCY, Answer.AGAIN_SINCE_LAST);
        assertThat(check.current()).contains(Question.BIRTH_CONTROL);
    }

    @Test
    void itHappenedAgainIsAskedAgainWhenTheEarlierCheckIsNoLongerRemembered() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,AGAIN_SINCE_LAST", "BIRTH_CONTROL", NO_EARLIER);
        assertThat(check.answers()).doesNotContainKey(Question.FREQUENCY);
        assertThat(check.current()).contains(Question.FREQUENCY);
    }

    @Test
    void aPersonWhoWentBackComesBackToTheQuestionTheyWereOn() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,ONCE", "AGE", NO_EARLIER);
        assertThat(check.current()).contains(Question.AGE);
        assertThat(check.answers()).containsEntry(Question.FREQUENCY, Answer.ONCE);
    }

    @Test
    void aStoredQuestionPastTheFirstUnansweredOneGoesBackToThatOne() {
        var check = Restore.check(9, "EMERGENCY_NONE,PREGNANT,ONCE", "BIRTH_CONTROL", NO_EARLIER);
        assertThat(check.current()).contains(Question.AGE);
    }

    @Test
    void aStoredQuestionThatIsNoLongerOnThePathGoesToTheFirstUnansweredOne() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,ONCE", "BETWEEN_PERIODS", NO_EARLIER);
        assertThat(check.current()).contains(Question.BIRTH_CONTROL);
    }

    @Test
    void aQuestionNameVersionTwoDoesNotKnowGoesToTheFirstUnansweredOne() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,ONCE,BIRTH_CONTROL_NO", "DRYNESS", NO_EARLIER);
        assertThat(check.current()).contains(Question.PAIN);
    }

    @Test
    void aFinishedCheckWithEveryAnswerStaysFinished() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,ONCE,BIRTH_CONTROL_NO,PAIN_NO,DISCHARGE_NO,"
                + "STI_RISK_NO,SCREENING_NORMAL", null, NO_EARLIER);
        assertThat(check.finished()).isTrue();
        assertThat(check.result().urgency()).isEqualTo(Urgency.TODAY);
    }

    @Test
    void aStoredQuestionOnAFullyAnsweredPathIsWhereThePersonWentBackTo() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,ONCE,BIRTH_CONTROL_NO,PAIN_NO,DISCHARGE_NO,"
                + "STI_RISK_NO,SCREENING_NORMAL", "PAIN", NO_EARLIER);
        assertThat(check.current()).contains(Question.PAIN);
    }

    @Test
    void theEarlierDayIsKeptWithTheCheck() {
        assertThat(Restore.check(9, "EMERGENCY_NONE", "AGE", EARLIER).earlier()).isEqualTo(EARLIER);
        assertThat(Restore.check(9, "EMERGENCY_NONE", "AGE", EARLIER).id()).isEqualTo(9);
    }

    // ---------- version 2 ----------

    @Test
    void versionTwosUnder16IsAskedAgainBecauseItSplitIntoUnder13And13To15() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_UNDER_16,PREGNANT,ONCE", "BIRTH_CONTROL", NO_EARLIER);
        assertThat(check.answers()).doesNotContainKey(Question.AGE).containsEntry(Question.FREQUENCY, Answer.ONCE);
        assertThat(check.current()).contains(Question.AGE);
    }

    @Test
    void versionTwosAbnormalResultOrTreatmentIsAskedAgainBecauseItSplitIntoCellChangesAndCancer() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_25_39,PREGNANT,ONCE,BIRTH_CONTROL_NO,PAIN_NO,DISCHARGE_NO,"
                + "STI_RISK_NO,SCREENING_ABNORMAL", null, NO_EARLIER);
        assertThat(check.finished()).isFalse();
        assertThat(check.current()).contains(Question.SCREENING);
    }

    @Test
    void aFinishedVersionTwoCheckWithAHysterectomyAsksTheNewCervixQuestion() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_40_PLUS,MENOPAUSE,ONCE,BIRTH_CONTROL_NO,PAIN_NO,DISCHARGE_NO,"
                + "STI_RISK_NO,HYSTERECTOMY_PAST", null, NO_EARLIER);
        assertThat(check.finished()).isFalse();
        assertThat(check.current()).contains(Question.CERVIX);
        assertThat(check.answers()).containsEntry(Question.SCREENING, Answer.HYSTERECTOMY_PAST);
    }

    @Test
    void versionTwosSlightTemperatureWithPainKeepsItsMeaningWithinTheWiderAnswer() {
        var check = Restore.check(9, "EMERGENCY_SLIGHT_FEVER,AGE_25_39", "SITUATION", NO_EARLIER);
        assertThat(check.answers()).containsEntry(Question.EMERGENCY, Answer.EMERGENCY_SLIGHT_FEVER);
        assertThat(check.current()).contains(Question.SITUATION);
    }

    @Test
    void aCheckStoredByVersionThreeWithTheCervixAnswerStaysFinished() {
        var check = Restore.check(9, "EMERGENCY_NONE,AGE_40_PLUS,MENOPAUSE,ONCE,BIRTH_CONTROL_COPPER,PAIN_NO,DISCHARGE_NO,"
                + "STI_RISK_NO,HYSTERECTOMY_PAST,CERVIX_KEPT", null, NO_EARLIER);
        assertThat(check.finished()).isTrue();
        assertThat(check.result().cervix()).isTrue();
    }
}
