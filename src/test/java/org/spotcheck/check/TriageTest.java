package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spotcheck.check.Answer.*;
import static org.spotcheck.check.Cause.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of product.md ("Clinical rules, version 3", and version 2 where it still holds), one behaviour per test. */
class TriageTest {

    /** A person for whom nothing is worrying: 25–39, only once, no other signs, screening up to date. */
    private static final List<Answer> CALM = List.of(EMERGENCY_NONE, AGE_25_39, SITUATION_NONE, ONCE, BETWEEN_NO,
            BIRTH_CONTROL_NO, PAIN_NO, DISCHARGE_NO, STI_RISK_NO, SCREENING_NORMAL);

    private static Map<Question, Answer> calmWith(Answer... changes) {
        var answers = new EnumMap<Question, Answer>(Question.class);
        CALM.forEach(a -> answers.put(a.question(), a));
        for (Answer change : changes) {
            answers.put(change.question(), change);
        }
        return answers;
    }

    private static Result assess(Answer... changes) {
        return Triage.assess(calmWith(changes));
    }

    private static List<String> keys(Result result) {
        return result.matched().stream().map(Triage.Rule::key).toList();
    }

    /**
     * One row per rule of version 3: the answers that trigger it on top of a calm person, the level
     * it sets, and the line of medical-facts.md it rests on (which the row itself must name).
     */
    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("emergency", List.of(EMERGENCY_YES), Urgency.NOW, "When it is urgent"),
                Arguments.of("fever_pain", List.of(EMERGENCY_SLIGHT_FEVER), Urgency.TODAY, "Pelvic inflammatory disease: pain low in the belly"),
                Arguments.of("fever_pregnant", List.of(EMERGENCY_SLIGHT_FEVER, PREGNANT), Urgency.TODAY, "Sepsis"),
                Arguments.of("fever_pregnant", List.of(EMERGENCY_SLIGHT_FEVER, RECENT_BIRTH), Urgency.TODAY, "Sepsis"),
                Arguments.of("under_13", List.of(AGE_UNDER_13), Urgency.TODAY, "child-protection"),
                Arguments.of("pregnant", List.of(PREGNANT), Urgency.TODAY, "possibly pregnant"),
                Arguments.of("recent_birth", List.of(RECENT_BIRTH), Urgency.TODAY, "after a birth"),
                Arguments.of("deep_pain", List.of(PAIN_DEEP), Urgency.TODAY, "Pelvic inflammatory disease: pain deep inside during sex"),
                Arguments.of("hysterectomy_recent", List.of(HYSTERECTOMY_RECENT), Urgency.TODAY, "vaginal cuff"),
                Arguments.of("menopause", List.of(MENOPAUSE), Urgency.SOON, "any bleeding after the menopause, even once"),
                Arguments.of("menopause_no_womb", List.of(MENOPAUSE, HYSTERECTOMY_PAST), Urgency.SOON, "without a womb"),
                Arguments.of("age_40", List.of(AGE_40_PLUS), Urgency.SOON, "over 40"),
                Arguments.of("under_16", List.of(AGE_13_15), Urgency.SOON, "13 to 15, confidential care"),
                Arguments.of("no_periods", List.of(NO_PERIODS), Urgency.SOON, "testosterone"),
                Arguments.of("copper_coil", List.of(BIRTH_CONTROL_COPPER), Urgency.SOON, "Copper coil (IUD)"),
                Arguments.of("copper_coil_no_pregnancy", List.of(BIRTH_CONTROL_COPPER, MENOPAUSE), Urgency.SOON, "Copper coil (IUD)"),
                Arguments.of("copper_coil_no_pregnancy", List.of(BIRTH_CONTROL_COPPER, HYSTERECTOMY_PAST), Urgency.SOON, "Copper coil (IUD)"),
                Arguments.of("in_a_row", List.of(IN_A_ROW), Urgency.SOON, "more than once"),
                Arguments.of("in_a_row", List.of(AGAIN_SINCE_LAST), Urgency.SOON, "more than once"),
                Arguments.of("few_times", List.of(FEW_TIMES), Urgency.SOON, "more than once"),
                Arguments.of("between_periods", List.of(BETWEEN_YES), Urgency.SOON, "bleeding between periods"),
                Arguments.of("between_periods", List.of(BETWEEN_UNSURE), Urgency.SOON, "bleeding between periods"),
                Arguments.of("sti_risk", List.of(STI_RISK_YES), Urgency.SOON, "a possible STI"),
                Arguments.of("sti_risk", List.of(STI_RISK_UNSURE), Urgency.SOON, "a possible STI"),
                Arguments.of("discharge", List.of(DISCHARGE_YES), Urgency.SOON, "unusual discharge"),
                Arguments.of("sore_often", List.of(SORE_OFTEN), Urgency.SOON, "unusual discharge or pain"),
                Arguments.of("cell_changes", List.of(SCREENING_CELL_CHANGES), Urgency.SOON, "After treatment for cell changes"),
                Arguments.of("cancer_treatment", List.of(SCREENING_CANCER_TREATMENT), Urgency.SOON, "reported to the cancer team"),
                Arguments.of("cervix_kept", List.of(HYSTERECTOMY_PAST, CERVIX_KEPT), Urgency.SOON, "cervix kept"),
                Arguments.of("cervix_kept", List.of(HYSTERECTOMY_PAST, CERVIX_UNSURE), Urgency.SOON, "cervix kept"),
                Arguments.of("hysterectomy_past", List.of(HYSTERECTOMY_PAST), Urgency.SOON, "without a womb"),
                Arguments.of("screening_overdue", List.of(SCREENING_OVERDUE), Urgency.SOON, "screening overdue"),
                Arguments.of("screening_overdue", List.of(SCREENING_UNKNOWN), Urgency.SOON, "screening overdue"),
                Arguments.of("screening_not_due", List.of(AGE_16_24, SCREENING_OVERDUE), Urgency.WATCH, "never screened is expected"));
    }

    @ParameterizedTest(name = "{0} with {1} is {2}, resting on \"{3}\"")
    @MethodSource("rows")
    void eachRuleRowMatchesItsAnswersSetsItsLevelAndNamesItsFact(String key, List<Answer> answers, Urgency level,
                                                                 String fact) {
        var result = assess(answers.toArray(Answer[]::new));
        assertThat(keys(result)).contains(key);
        assertThat(result.urgency()).isEqualTo(level);
        var row = Triage.rules().stream().filter(rule -> rule.key().equals(key)).findFirst().orElseThrow();
        assertThat(row.level()).isEqualTo(level);
        assertThat(row.fact()).containsIgnoringCase(fact);
    }

    @Test
    void aCalmPersonMatchesNoRowAndIsWatch() {
        var result = assess();
        assertThat(result.matched()).isEmpty();
        assertThat(result.urgency()).isEqualTo(Urgency.WATCH);
    }

    @Test
    void anEmergencySignIsNowWithNoCauses() {
        var result = Triage.assess(Map.of(Question.EMERGENCY, EMERGENCY_YES));
        assertThat(result.urgency()).isEqualTo(Urgency.NOW);
        assertThat(result.causes()).isEmpty();
        assertThat(result.noClearCause()).isFalse();
    }

    @Test
    void everyMatchingRowIsKeptNotOnlyTheOneThatSetTheLevel() {
        // Menopause advice does not vanish because a temperature with pain made it Today.
        var result = assess(EMERGENCY_SLIGHT_FEVER, MENOPAUSE, AGE_40_PLUS);
        assertThat(result.urgency()).isEqualTo(Urgency.TODAY);
        assertThat(keys(result)).containsExactly("fever_pain", "menopause", "age_40");
    }

    @Test
    void aFortyEightYearOldWithOneEpisodeIsNotWatch() {
        assertThat(assess(AGE_40_PLUS).urgency()).isEqualTo(Urgency.SOON);
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"STI_RISK_NO", "STI_RISK_UNSURE", "STI_RISK_YES"})
    void deepPainIsTodayWhateverTheStiAnswer(Answer sti) {
        // Version 3: pelvic infection is Today whatever questions 8 and 9 say.
        assertThat(assess(PAIN_DEEP, sti).urgency()).isEqualTo(Urgency.TODAY);
        assertThat(assess(PAIN_DEEP, sti, DISCHARGE_YES).urgency()).isEqualTo(Urgency.TODAY);
    }

    @Test
    void neverScreenedUnderTheStartAgeIsNotOverdue() {
        var result = assess(AGE_16_24, SCREENING_OVERDUE);
        assertThat(keys(result)).containsExactly("screening_not_due");
        assertThat(result.urgency()).isEqualTo(Urgency.WATCH);
        assertThat(result.causes()).doesNotContain(CERVICAL_CHANGES);
    }

    @Test
    void withAStartAgeOf21TheBand16To24CountsAsScreeningAge() {
        var result = Triage.assess(calmWith(AGE_16_24, SCREENING_UNKNOWN), 21);
        assertThat(keys(result)).containsExactly("screening_overdue");
        assertThat(result.urgency()).isEqualTo(Urgency.SOON);
        assertThat(result.causes()).contains(CERVICAL_CHANGES);
    }

    @Test
    void underSixteenIsNeverOfScreeningAgeEvenFrom21() {
        var result = Triage.assess(calmWith(AGE_13_15, SCREENING_OVERDUE), 21);
        assertThat(keys(result)).containsExactly("under_16", "screening_not_due");
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"BIRTH_CONTROL_RECENT", "BIRTH_CONTROL_LONGER", "BIRTH_CONTROL_UNSURE",
            "SORE_SOMETIMES"})
    void aCauseThatIsNotWorryingOnItsOwnStaysWatch(Answer answer) {
        assertThat(assess(answer).urgency()).isEqualTo(Urgency.WATCH);
        assertThat(assess(answer).causes()).isNotEmpty();
    }

    @Test
    void nothingMatchingGivesNoClearCause() {
        assertThat(assess().noClearCause()).isTrue();
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
    void aClearStiRiskRanksAboveLongTermBirthControl() {
        assertThat(assess(BIRTH_CONTROL_LONGER, STI_RISK_YES).causes()).containsExactly(STI, BIRTH_CONTROL);
    }

    @Test
    void deepPainListsInfectionAsACause() {
        var result = assess(PAIN_DEEP);
        assertThat(result.causes()).containsExactly(STI);
        assertThat(result.evidence().get(STI)).containsExactly(PAIN_DEEP);
    }

    @Test
    void itchingOrDischargeSuggestsAVaginalInfectionAndSupportsAnSti() {
        assertThat(assess(DISCHARGE_YES).causes()).containsExactly(YEAST_INFECTION);
        var withRisk = assess(DISCHARGE_YES, STI_RISK_UNSURE);
        assertThat(withRisk.causes()).containsExactly(STI, YEAST_INFECTION);
        assertThat(withRisk.evidence().get(STI)).containsExactly(STI_RISK_UNSURE, DISCHARGE_YES);
    }

    @Test
    void lowOestrogenSuggestsDrynessAfterTheMenopauseOrWithNoPeriods() {
        assertThat(assess(MENOPAUSE).causes()).contains(DRYNESS);
        assertThat(assess(MENOPAUSE).lowOestrogen()).isTrue();
        assertThat(assess(NO_PERIODS).causes()).contains(DRYNESS);
        assertThat(assess(SORE_SOMETIMES).lowOestrogen()).isFalse();
    }

    @Test
    void birthControlSupportsDrynessButDoesNotSuggestItAlone() {
        assertThat(assess(BIRTH_CONTROL_RECENT).causes()).doesNotContain(DRYNESS);
        assertThat(assess(SORE_SOMETIMES, BIRTH_CONTROL_RECENT).evidence().get(DRYNESS))
                .containsExactly(SORE_SOMETIMES, BIRTH_CONTROL_RECENT);
    }

    @Test
    void cellChangesAreListedForTheirReasonsWithACervix() {
        assertThat(assess(SCREENING_OVERDUE).causes()).contains(CERVICAL_CHANGES);
        assertThat(assess(SCREENING_CELL_CHANGES, AGE_16_24).causes()).contains(CERVICAL_CHANGES);
        assertThat(assess(AGE_40_PLUS).causes()).contains(CERVICAL_CHANGES);
        assertThat(assess(IN_A_ROW).causes()).contains(CERVICAL_CHANGES);
        assertThat(assess(BETWEEN_YES).causes()).contains(CERVICAL_CHANGES);
        assertThat(assess(IN_A_ROW, AGE_16_24).causes()).doesNotContain(CERVICAL_CHANGES);
        assertThat(assess(FEW_TIMES).causes()).doesNotContain(CERVICAL_CHANGES);
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"HYSTERECTOMY_RECENT", "HYSTERECTOMY_PAST"})
    void withoutACervixCellChangesAreNeverListed(Answer hysterectomy) {
        var result = assess(hysterectomy, CERVIX_REMOVED, AGE_40_PLUS, IN_A_ROW, BETWEEN_YES);
        assertThat(result.causes()).doesNotContain(CERVICAL_CHANGES);
        assertThat(result.cervix()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"CERVIX_KEPT", "CERVIX_UNSURE"})
    void aHysterectomyThatMayHaveKeptTheCervixKeepsItsCausesFromTheStartAge(Answer cervix) {
        var result = assess(HYSTERECTOMY_PAST, cervix);
        assertThat(result.cervix()).isTrue();
        assertThat(result.womb()).isFalse();
        assertThat(result.causes()).contains(CERVICAL_CHANGES);
        assertThat(assess(HYSTERECTOMY_PAST, cervix, AGE_16_24).causes()).doesNotContain(CERVICAL_CHANGES);
    }

    @Test
    void afterCancerTreatmentTheCervicalCauseIsNeverListed() {
        var result = assess(SCREENING_CANCER_TREATMENT, AGE_40_PLUS, IN_A_ROW, BETWEEN_YES);
        assertThat(result.causes()).doesNotContain(CERVICAL_CHANGES);
        assertThat(result.cancerTreatment()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"AGE_UNDER_13", "AGE_13_15", "AGE_16_24", "AGE_25_39", "AGE_40_PLUS"})
    void onlyUnder13OpensWithSafeguardingAndOnlyUnder16IsKeptFromAHomeTestKit(Answer age) {
        var result = assess(age);
        assertThat(result.underThirteen()).isEqualTo(age == AGE_UNDER_13);
        assertThat(result.underSixteen()).isEqualTo(age == AGE_UNDER_13 || age == AGE_13_15);
    }

    @Test
    void aCopperCoilIsNotAHormonalCause() {
        assertThat(assess(BIRTH_CONTROL_COPPER).causes()).doesNotContain(BIRTH_CONTROL);
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"HYSTERECTOMY_RECENT", "HYSTERECTOMY_PAST"})
    void withoutAWombHormonalBirthControlIsNotListedAsTheCause(Answer hysterectomy) {
        assertThat(assess(hysterectomy, CERVIX_KEPT, BIRTH_CONTROL_RECENT).causes()).doesNotContain(BIRTH_CONTROL);
    }

    /**
     * One row per block of version 3: the answers that show it on top of a calm person, and the line
     * of medical-facts.md it rests on.
     */
    static Stream<Arguments> blocks() {
        return Stream.of(
                Arguments.of("emergency_contraception", List.of(STI_RISK_YES), "Emergency contraception"),
                Arguments.of("emergency_contraception", List.of(STI_RISK_YES, BIRTH_CONTROL_UNSURE), "Emergency contraception"),
                Arguments.of("pregnancy_test", List.of(NO_PERIODS), "Testosterone does not prevent pregnancy"),
                Arguments.of("pregnancy_test", List.of(RECENT_BIRTH), "Fertility after a birth"));
    }

    @ParameterizedTest(name = "{0} with {1}, resting on \"{2}\"")
    @MethodSource("blocks")
    void eachBlockShowsForItsAnswersAndNamesItsFact(String key, List<Answer> answers, String fact) {
        var result = assess(answers.toArray(Answer[]::new));
        assertThat(result.shows(key)).isTrue();
        var block = Triage.blocks().stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow();
        assertThat(block.fact()).containsIgnoringCase(fact);
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"PREGNANT", "MENOPAUSE", "HYSTERECTOMY_RECENT", "HYSTERECTOMY_PAST",
            "BIRTH_CONTROL_RECENT", "BIRTH_CONTROL_LONGER", "BIRTH_CONTROL_COPPER", "STI_RISK_NO", "STI_RISK_UNSURE"})
    void emergencyContraceptionIsNotShownWhenItsConditionFails(Answer answer) {
        assertThat(assess(STI_RISK_YES, answer).shows("emergency_contraception")).isFalse();
    }

    @Test
    void noBlockIsShownWithAnEmergency() {
        assertThat(Triage.assess(Map.of(Question.EMERGENCY, EMERGENCY_YES, Question.STI_RISK, STI_RISK_YES,
                Question.BIRTH_CONTROL, BIRTH_CONTROL_NO, Question.SITUATION, NO_PERIODS)).blocks()).isEmpty();
    }

    @Test
    void equalWeightsKeepTheSeedsOrder() {
        assertThat(assess(SORE_SOMETIMES, DISCHARGE_YES).causes()).containsExactly(DRYNESS, YEAST_INFECTION);
    }

    @Test
    void everyCauseCanBeSuggested() {
        var all = assess(BIRTH_CONTROL_RECENT, STI_RISK_YES, SORE_OFTEN, DISCHARGE_YES, SCREENING_OVERDUE);
        assertThat(all.causes()).containsExactlyInAnyOrder(Cause.values());
    }

    @Test
    void everyRuleRowNamesTheFactItRestsOn() {
        assertThat(Triage.rules()).allSatisfy(rule -> assertThat(rule.fact()).isNotBlank());
        assertThat(Triage.blocks()).allSatisfy(block -> assertThat(block.fact()).isNotBlank());
        assertThat(Triage.causeRules()).allSatisfy(rule -> assertThat(rule.fact()).isNotBlank());
    }
}
