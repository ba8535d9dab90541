package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotcheck.check.Answer.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * product.md, "Urgency, version 2" and "Causes and advice, version 2": how a row's condition reads,
 * the screening start age, and what a result tells the texts about the person.
 */
class RuleConditionsTest {

    private static Map<Question, Answer> calmWith(Answer... changes) {
        var answers = new EnumMap<Question, Answer>(Question.class);
        ReminderFollowUpsTest.QUIET.forEach(a -> answers.put(a.question(), a));
        for (var change : changes) {
            answers.put(change.question(), change);
        }
        return answers;
    }

    private static Map<Question, Answer> only(Answer... answers) {
        var map = new EnumMap<Question, Answer>(Question.class);
        for (var answer : answers) {
            map.put(answer.question(), answer);
        }
        return map;
    }

    @Test
    void anyNeedsOneOfItsAnswersAndRulesNothingOut() {
        var when = When.any(IN_A_ROW, AGAIN_SINCE_LAST);
        assertThat(when.allOf()).containsExactly(Set.of(IN_A_ROW, AGAIN_SINCE_LAST));
        assertThat(when.noneOf()).isEmpty();
        assertThat(when.age()).isEqualTo(When.AgeLimit.ANY);
    }

    @Test
    void andAddsAGroupThatMustAlsoHaveOneAnswerGiven() {
        var when = When.any(PAIN_DEEP).and(DISCHARGE_YES, STI_RISK_YES);
        assertThat(when.allOf()).containsExactly(Set.of(PAIN_DEEP), Set.of(DISCHARGE_YES, STI_RISK_YES));
    }

    @Test
    void unlessAddsAnswersThatRuleTheRowOutAndKeepsTheGroups() {
        var when = When.any(MENOPAUSE).unless(HYSTERECTOMY_RECENT).unless(HYSTERECTOMY_PAST);
        assertThat(when.noneOf()).containsExactlyInAnyOrder(HYSTERECTOMY_RECENT, HYSTERECTOMY_PAST);
        assertThat(when.allOf()).containsExactly(Set.of(MENOPAUSE));
    }

    @Test
    void theScreeningAgeLimitsKeepTheRestOfTheCondition() {
        var from = When.any(SCREENING_OVERDUE).unless(HYSTERECTOMY_PAST).fromStartAge();
        assertThat(from.age()).isEqualTo(When.AgeLimit.FROM_START_AGE);
        assertThat(from.allOf()).containsExactly(Set.of(SCREENING_OVERDUE));
        assertThat(from.noneOf()).containsExactly(HYSTERECTOMY_PAST);
        var below = When.any(SCREENING_OVERDUE).unless(HYSTERECTOMY_PAST).belowStartAge();
        assertThat(below.age()).isEqualTo(When.AgeLimit.BELOW_START_AGE);
        assertThat(below.noneOf()).containsExactly(HYSTERECTOMY_PAST);
    }

    @Test
    void aMenopauseWithoutAWombFollowsItsOwnRowNotTheWombPathway() {
        var result = Triage.assess(calmWith(AGE_40_PLUS, MENOPAUSE, HYSTERECTOMY_PAST));
        assertThat(result.matched("menopause_no_womb")).isTrue();
        assertThat(result.matched("menopause")).isFalse();
    }

    @Test
    void screeningWithTheAgeNotYetKnownCountsAsFromTheStartAge() {
        // An unknown age is the cautious side: overdue, not "not due yet".
        var result = Triage.assess(only(EMERGENCY_NONE, SCREENING_OVERDUE));
        assertThat(result.matched("screening_overdue")).isTrue();
        assertThat(result.matched("screening_not_due")).isFalse();
    }

    @Test
    void neverScreenedUnderTheStartAgeAddsTheNotDueYetAdvice() {
        var result = Triage.assess(calmWith(AGE_16_24, SCREENING_OVERDUE));
        assertThat(result.matched("screening_not_due")).isTrue();
        assertThat(result.matched("screening_overdue")).isFalse();
    }

    @Test
    void anEmergencyNamesNoCauseWhateverElseWasAnswered() {
        var result = Triage.assess(calmWith(EMERGENCY_YES, STI_RISK_YES, BIRTH_CONTROL_RECENT));
        assertThat(result.urgency()).isEqualTo(Urgency.NOW);
        assertThat(result.causes()).isEmpty();
        assertThat(result.evidence()).isEmpty();
        assertThat(result.stiTestAdvised()).isFalse();
    }

    @Test
    void birthControlWithAnUnansweredStiQuestionStillAdvisesATest() {
        var answers = calmWith(BIRTH_CONTROL_RECENT);
        answers.remove(Question.STI_RISK);
        assertThat(Triage.assess(answers).stiTestAdvised()).isTrue();
    }

    @Test
    void anStiTestIsAdvisedOnlyWhenBirthControlIsAmongTheCauses() {
        assertThat(Triage.assess(calmWith(STI_RISK_UNSURE)).stiTestAdvised()).isFalse();
        assertThat(Triage.assess(calmWith(BIRTH_CONTROL_LONGER, STI_RISK_UNSURE)).stiTestAdvised()).isTrue();
        assertThat(Triage.assess(calmWith(BIRTH_CONTROL_LONGER, STI_RISK_NO)).stiTestAdvised()).isFalse();
    }

    @Test
    void theEvidenceOfACauseIsTheAnswersThatPointToIt() {
        var result = Triage.assess(calmWith(STI_RISK_YES, DISCHARGE_YES));
        assertThat(result.evidence().get(Cause.STI)).containsExactlyInAnyOrder(STI_RISK_YES, DISCHARGE_YES);
        assertThat(result.evidence().get(Cause.YEAST_INFECTION)).containsExactly(DISCHARGE_YES);
    }

    @Test
    void afterTheMenopauseTheResultFollowsTheMenopausePathwayWithLowOestrogen() {
        var result = Triage.assess(calmWith(AGE_40_PLUS, MENOPAUSE));
        assertThat(result.menopause()).isTrue();
        assertThat(result.lowOestrogen()).isTrue();
    }

    @Test
    void noPeriodsForAnotherReasonIsLowOestrogenButNotTheMenopause() {
        var result = Triage.assess(calmWith(NO_PERIODS));
        assertThat(result.menopause()).isFalse();
        assertThat(result.lowOestrogen()).isTrue();
    }

    @Test
    void withPeriodsTheResultIsNeitherLowOestrogenNorTheMenopause() {
        var result = Triage.assess(calmWith(PREGNANT));
        assertThat(result.menopause()).isFalse();
        assertThat(result.lowOestrogen()).isFalse();
    }

    @Test
    void aResultNamesTheRowsThatMatchedAndNoOthers() {
        var result = Triage.assess(calmWith(PREGNANT));
        assertThat(result.matched("pregnant")).isTrue();
        assertThat(result.matched("menopause")).isFalse();
    }

    @Test
    void anEmergencyIsNeverReportedAsHavingNoClearCause() {
        assertThat(Triage.assess(only(EMERGENCY_YES)).noClearCause()).isFalse();
        assertThat(Triage.assess(calmWith()).noClearCause()).isTrue();
    }

    @Test
    void aResultWithACauseHasAClearCause() {
        assertThat(Triage.assess(calmWith(STI_RISK_YES)).noClearCause()).isFalse();
    }

    @Test
    void theClinicalReviewSeesEveryCauseRowWithItsFact() {
        List<Triage.CauseRule> rows = Triage.causeRules();
        assertThat(rows).extracting(Triage.CauseRule::cause).containsAll(List.of(Cause.values()));
        assertThat(rows).allSatisfy(row -> assertThat(row.fact()).isNotBlank());
        assertThat(rows).anyMatch(row -> !row.suggests());
    }

    @Test
    void aSupportingRowOnlyRaisesACauseAndASuggestingRowNamesIt() {
        var supports = Triage.CauseRule.supports(Cause.STI, When.any(DISCHARGE_YES), 1, "fact");
        assertThat(supports.suggests()).isFalse();
        assertThat(supports.cause()).isEqualTo(Cause.STI);
        var suggests = Triage.CauseRule.suggests(Cause.DRYNESS, When.any(SORE_OFTEN), 3, "fact");
        assertThat(suggests.suggests()).isTrue();
        assertThat(suggests.weight()).isEqualTo(3);
    }
}
