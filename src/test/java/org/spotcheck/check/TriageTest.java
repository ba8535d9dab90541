package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotcheck.check.Answer.*;
import static org.spotcheck.check.Cause.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules of product.md, one behaviour per test. */
class TriageTest {

    /** A person for whom nothing is worrying: only once, no other signs, screening up to date. */
    private static final List<Answer> CALM = List.of(
            EMERGENCY_NO, NEITHER, ONCE, BIRTH_CONTROL_NO, DRY_NO, DISCHARGE_NO, STI_RISK_NO, SCREENING_RECENT);

    private static Result assess(Answer... changes) {
        var answers = new EnumMap<Question, Answer>(Question.class);
        CALM.forEach(a -> answers.put(a.question(), a));
        for (Answer change : changes) {
            answers.put(change.question(), change);
        }
        return Triage.assess(answers);
    }

    @Test
    void anEmergencySignIsNowWithNothingElse() {
        var result = Triage.assess(Map.of(Question.EMERGENCY, EMERGENCY_YES));
        assertThat(result.urgency()).isEqualTo(Urgency.NOW);
        assertThat(result.causes()).isEmpty();
        assertThat(result.urgencyReason()).contains(EMERGENCY_YES);
    }

    @Test
    void anEmergencySignWinsOverEverythingElse() {
        assertThat(assess(EMERGENCY_YES, PREGNANT, IN_A_ROW, STI_RISK_YES).urgency()).isEqualTo(Urgency.NOW);
    }

    @Test
    void couldBePregnantIsToday() {
        var result = assess(PREGNANT);
        assertThat(result.urgency()).isEqualTo(Urgency.TODAY);
        assertThat(result.urgencyReason()).contains(PREGNANT);
    }

    @Test
    void couldBePregnantWinsOverSoonReasons() {
        assertThat(assess(PREGNANT, IN_A_ROW, SCREENING_OVERDUE).urgency()).isEqualTo(Urgency.TODAY);
    }

    @Test
    void afterMenopauseIsSoon() {
        assertThat(assess(MENOPAUSE).urgency()).isEqualTo(Urgency.SOON);
        assertThat(assess(MENOPAUSE).urgencyReason()).contains(MENOPAUSE);
    }

    @Test
    void moreThanOnceInARowIsSoon() {
        assertThat(assess(IN_A_ROW).urgency()).isEqualTo(Urgency.SOON);
        assertThat(assess(IN_A_ROW).urgencyReason()).contains(IN_A_ROW);
    }

    @Test
    void itHappenedAgainSinceARememberedCheckCountsAsMoreThanOnce() {
        var result = assess(AGAIN_SINCE_LAST);
        assertThat(result.urgency()).isEqualTo(Urgency.SOON);
        assertThat(result.urgencyReason()).contains(AGAIN_SINCE_LAST);
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"FEW_TIMES", "STI_RISK_YES", "STI_RISK_UNSURE", "DISCHARGE_YES",
            "DRY_OFTEN", "SCREENING_OVERDUE", "SCREENING_UNKNOWN"})
    void eachOtherWorryingAnswerAloneIsSoon(Answer answer) {
        var result = assess(answer);
        assertThat(result.urgency()).isEqualTo(Urgency.SOON);
        assertThat(result.urgencyReason()).contains(answer);
    }

    @Test
    void onlyOnceAndNothingElseIsWatch() {
        var result = assess();
        assertThat(result.urgency()).isEqualTo(Urgency.WATCH);
        assertThat(result.urgencyReason()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"BIRTH_CONTROL_RECENT", "BIRTH_CONTROL_LONGER", "BIRTH_CONTROL_UNSURE",
            "DRY_SOMETIMES"})
    void aCauseThatIsNotWorryingOnItsOwnStaysWatch(Answer answer) {
        assertThat(assess(answer).urgency()).isEqualTo(Urgency.WATCH);
        assertThat(assess(answer).causes()).isNotEmpty();
    }

    @Test
    void nothingMatchingGivesNoClearCause() {
        var result = assess();
        assertThat(result.causes()).isEmpty();
        assertThat(result.noClearCause()).isTrue();
    }

    @Test
    void anEmergencyIsNotReportedAsNoClearCause() {
        assertThat(Triage.assess(Map.of(Question.EMERGENCY, EMERGENCY_YES)).noClearCause()).isFalse();
    }

    @Test
    void birthControlWithAPossibleStiListsBothCauses() {
        var result = assess(BIRTH_CONTROL_RECENT, STI_RISK_UNSURE);
        assertThat(result.causes()).containsExactly(BIRTH_CONTROL, STI);
        assertThat(result.stiTestAdvised()).isTrue();
    }

    @Test
    void birthControlWithNoStiRiskAdvisesNoStiTest() {
        var result = assess(BIRTH_CONTROL_LONGER);
        assertThat(result.causes()).containsExactly(BIRTH_CONTROL);
        assertThat(result.stiTestAdvised()).isFalse();
    }

    @Test
    void recentlyStartedBirthControlRanksAboveAnUncertainStiRisk() {
        assertThat(assess(BIRTH_CONTROL_RECENT, STI_RISK_UNSURE).causes()).startsWith(BIRTH_CONTROL);
    }

    @Test
    void aClearStiRiskRanksAboveLongTermBirthControl() {
        assertThat(assess(BIRTH_CONTROL_LONGER, STI_RISK_YES).causes()).containsExactly(STI, BIRTH_CONTROL);
    }

    @Test
    void itchingOrDischargeSuggestsYeastInfection() {
        var result = assess(DISCHARGE_YES);
        assertThat(result.causes()).containsExactly(YEAST_INFECTION);
        assertThat(result.evidence().get(YEAST_INFECTION)).containsExactly(DISCHARGE_YES);
    }

    @Test
    void itchingOrDischargeSupportsAnStiButDoesNotSuggestItAlone() {
        assertThat(assess(DISCHARGE_YES).causes()).doesNotContain(STI);
        var withRisk = assess(DISCHARGE_YES, STI_RISK_UNSURE);
        assertThat(withRisk.causes()).containsExactly(STI, YEAST_INFECTION);
        assertThat(withRisk.evidence().get(STI)).containsExactly(STI_RISK_UNSURE, DISCHARGE_YES);
    }

    @Test
    void drynessIsSuggestedByDryOrPainfulSex() {
        assertThat(assess(DRY_OFTEN).causes()).containsExactly(DRYNESS);
        assertThat(assess(DRY_SOMETIMES).causes()).containsExactly(DRYNESS);
    }

    @Test
    void birthControlAndMenopauseSupportDrynessButDoNotSuggestItAlone() {
        assertThat(assess(MENOPAUSE).causes()).doesNotContain(DRYNESS);
        assertThat(assess(DRY_SOMETIMES, MENOPAUSE).evidence().get(DRYNESS)).containsExactly(DRY_SOMETIMES, MENOPAUSE);
        assertThat(assess(DRY_SOMETIMES, BIRTH_CONTROL_RECENT).evidence().get(DRYNESS))
                .containsExactly(DRY_SOMETIMES, BIRTH_CONTROL_RECENT);
    }

    @Test
    void overdueOrUnknownScreeningListsCervicalCancerLast() {
        assertThat(assess(SCREENING_OVERDUE, DRY_SOMETIMES).causes()).containsExactly(DRYNESS, CERVICAL_CANCER);
        assertThat(assess(SCREENING_UNKNOWN).causes()).containsExactly(CERVICAL_CANCER);
        assertThat(assess(SCREENING_RECENT).causes()).doesNotContain(CERVICAL_CANCER);
    }

    @Test
    void equalWeightsKeepTheSeedsOrder() {
        // DRY_SOMETIMES (2) and DISCHARGE_YES (2): dryness comes before yeast in the seed.
        assertThat(assess(DRY_SOMETIMES, DISCHARGE_YES).causes()).containsExactly(DRYNESS, YEAST_INFECTION);
    }

    @Test
    void everyCauseCanBeSuggested() {
        var all = assess(BIRTH_CONTROL_RECENT, STI_RISK_YES, DRY_OFTEN, DISCHARGE_YES, SCREENING_OVERDUE);
        assertThat(all.causes()).containsExactlyInAnyOrder(Cause.values());
    }
}
