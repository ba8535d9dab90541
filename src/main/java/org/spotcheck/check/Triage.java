package org.spotcheck.check;

import static org.spotcheck.check.Answer.*;
import static org.spotcheck.check.Cause.*;
import static org.spotcheck.check.When.any;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules, version 3: answers in, urgency, the advice of every matching row and ranked causes
 * out. This is the one place a clinician reviews; each row names the line of
 * ../shared/spec/medical-facts.md it rests on, and the review view (docs/flow.md) prints them.
 */
public final class Triage {

    private static final String URGENT = "When it is urgent";
    private static final String V2 = "Added for the clinical rules, version 2";
    private static final String REVIEW2 = "Added after a second clinical review";
    private static final String V3 = "Added for the clinical rules, version 3";
    /** Hormonal spotting comes from the womb lining: without a womb it is not the cause. */
    private static final String NO_WOMB = "not after a hysterectomy (product.md, version 3: no womb)";

    /**
     * Every row whose condition holds is shown with its reason and advice (rule.KEY in messages/);
     * the most urgent level among them is the check's urgency, Watch when none raises it.
     * Rows at Watch only add advice. Rows of the same level are shown in table order.
     */
    static final List<Rule> RULES = List.of(
            new Rule("emergency", Urgency.NOW, any(EMERGENCY_YES),
                    URGENT + ": Now; " + REVIEW2 + ": pelvic infection with a very high temperature, shivering or being sick is an emergency"),
            new Rule("under_13", Urgency.TODAY, any(AGE_UNDER_13),
                    V3 + ", Under 13: any sexual activity at that age is always a child-protection matter; staff share it with safeguarding services, talking to the child first"),
            new Rule("fever_pain", Urgency.TODAY, any(EMERGENCY_SLIGHT_FEVER),
                    V3 + ", Pelvic inflammatory disease: pain low in the belly with bleeding after sex; ask for an urgent GP appointment or call 111"),
            new Rule("fever_pregnant", Urgency.TODAY, any(EMERGENCY_SLIGHT_FEVER).and(PREGNANT, RECENT_BIRTH),
                    V3 + ", Sepsis: pregnant, or a birth, miscarriage or termination in the last 6 weeks, is a higher risk; a temperature with pain needs prompt assessment"),
            new Rule("pregnant", Urgency.TODAY, any(PREGNANT),
                    URGENT + ": Today, bleeding while pregnant or possibly pregnant; " + V2 + ", Pain and fever: ectopic pregnancy"),
            new Rule("recent_birth", Urgency.TODAY, any(RECENT_BIRTH),
                    REVIEW2 + ": after a birth, bleeding for 2-6 weeks is normal; more, a smell or fever need the midwife or maternity unit"),
            new Rule("deep_pain", Urgency.TODAY, any(PAIN_DEEP),
                    V3 + ", Pelvic inflammatory disease: pain deep inside during sex is a symptom; ask for an urgent GP appointment or call 111"),
            new Rule("hysterectomy_recent", Urgency.TODAY, any(HYSTERECTOMY_RECENT),
                    REVIEW2 + ": after a total hysterectomy the vaginal cuff takes 8-12 weeks to heal; reopening needs prompt surgical care"),
            new Rule("menopause", Urgency.SOON, any(MENOPAUSE).unless(HYSTERECTOMY_RECENT, HYSTERECTOMY_PAST),
                    V2 + ", After menopause: see a GP about any bleeding after the menopause, even once"),
            new Rule("menopause_no_womb", Urgency.SOON, any(MENOPAUSE).and(HYSTERECTOMY_RECENT, HYSTERECTOMY_PAST),
                    V2 + ", After menopause: someone without a womb does not follow the postmenopausal cancer pathway but should still be checked"),
            new Rule("age_40", Urgency.SOON, any(AGE_40_PLUS),
                    V2 + ", Age: new, persistent or progressive symptoms over 40 should be investigated within four weeks"),
            new Rule("under_16", Urgency.SOON, any(AGE_13_15),
                    V3 + ", Under 13: 13 to 15, confidential care, shared only when someone is at serious risk; " + REVIEW2 + ": sexual health services are free and confidential for under-16s too"),
            new Rule("no_periods", Urgency.SOON, any(NO_PERIODS),
                    REVIEW2 + ": on testosterone, bleeding that persists or returns should be assessed; " + V2 + ", After menopause: low oestrogen thins the lining"),
            new Rule("copper_coil", Urgency.SOON, any(BIRTH_CONTROL_COPPER).unless(MENOPAUSE, HYSTERECTOMY_RECENT, HYSTERECTOMY_PAST),
                    V3 + ", Copper coil (IUD): new bleeding with a coil should lead to checking for infection, pregnancy and the coil's position"),
            new Rule("copper_coil_no_pregnancy", Urgency.SOON, any(BIRTH_CONTROL_COPPER).and(MENOPAUSE, HYSTERECTOMY_RECENT, HYSTERECTOMY_PAST),
                    V3 + ", Copper coil (IUD): new bleeding with a coil should lead to checking for infection and the coil's position (no pregnancy test after the menopause or without a womb)"),
            new Rule("in_a_row", Urgency.SOON, any(IN_A_ROW, AGAIN_SINCE_LAST),
                    URGENT + ": Soon, bleeding after sex more than once; " + V2 + ", Age: persistent bleeding at any age"),
            new Rule("few_times", Urgency.SOON, any(FEW_TIMES),
                    URGENT + ": Soon, bleeding after sex more than once"),
            new Rule("between_periods", Urgency.SOON, any(BETWEEN_YES, BETWEEN_UNSURE),
                    URGENT + ": Soon, bleeding between periods"),
            new Rule("sti_risk", Urgency.SOON, any(STI_RISK_YES, STI_RISK_UNSURE),
                    URGENT + ": Soon, a possible STI; " + V2 + ", Age: a recent change of partner"),
            new Rule("discharge", Urgency.SOON, any(DISCHARGE_YES),
                    URGENT + ": Soon, unusual discharge; " + V2 + ", Infections: thrush, BV, trichomoniasis"),
            new Rule("sore_often", Urgency.SOON, any(SORE_OFTEN),
                    URGENT + ": Soon, unusual discharge or pain"),
            new Rule("cell_changes", Urgency.SOON, any(SCREENING_CELL_CHANGES),
                    V3 + ", After treatment for cell changes (LLETZ, cone biopsy): light bleeding for up to 4 weeks is usual; heavy bleeding, a bad smell, a temperature or belly pain need the clinic promptly; "
                            + V2 + ", Age: a history of abnormal smears is a red flag"),
            new Rule("cancer_treatment", Urgency.SOON, any(SCREENING_CANCER_TREATMENT),
                    V3 + ", After treatment for cervical, womb or vaginal cancer: new bleeding should be reported to the cancer team"),
            new Rule("hysterectomy_past", Urgency.SOON, any(HYSTERECTOMY_PAST),
                    V2 + ", After menopause: someone without a womb should still be checked"),
            new Rule("cervix_kept", Urgency.SOON, any(CERVIX_KEPT, CERVIX_UNSURE).fromStartAge(),
                    V3 + ", Hysterectomy: after a subtotal hysterectomy (cervix kept) screening continues"),
            new Rule("screening_overdue", Urgency.SOON, any(SCREENING_OVERDUE, SCREENING_UNKNOWN).fromStartAge(),
                    URGENT + ": Soon, cervical screening overdue; " + V2 + ", Cervical screening age"),
            new Rule("screening_not_due", Urgency.WATCH, any(SCREENING_OVERDUE, SCREENING_UNKNOWN).belowStartAge(),
                    V2 + ", Cervical screening age: under the start age, never screened is expected, not overdue"));

    /**
     * Emergency contraception, shown near the top of every result but Now without changing its
     * level: sex without a condom since the last test, no contraception (or not sure), and a
     * pregnancy possible (not already possibly pregnant, not after the menopause, a womb).
     */
    static final Block EMERGENCY_CONTRACEPTION = new Block("emergency_contraception",
            any(STI_RISK_YES).and(BIRTH_CONTROL_NO, BIRTH_CONTROL_UNSURE).unless(PREGNANT, MENOPAUSE, HYSTERECTOMY_RECENT, HYSTERECTOMY_PAST),
            V3 + ", Emergency contraception: a copper coil or ulipristal up to 120 h, levonorgestrel up to 72 h; the sooner the better");

    /** A pregnancy test is worth doing: no periods for another reason, or a birth in the last 6 weeks (with a womb). */
    static final Block PREGNANCY_TEST = new Block("pregnancy_test",
            any(NO_PERIODS, RECENT_BIRTH).unless(HYSTERECTOMY_RECENT, HYSTERECTOMY_PAST),
            V3 + ", Fertility after a birth can return from about 3 weeks; breastfeeding prevents pregnancy reliably only in the first 6 months; testosterone does not prevent pregnancy");

    static final List<Block> BLOCKS = List.of(EMERGENCY_CONTRACEPTION, PREGNANCY_TEST);


    /**
     * Cause rows. A "suggests" row puts the cause on the list; a "supports" row only makes a
     * listed cause rank higher, because on its own it is not enough to name that cause.
     */
    static final List<CauseRule> CAUSES = List.of(
            //                      cause             when                                    weight
            CauseRule.suggests(BIRTH_CONTROL,    any(BIRTH_CONTROL_RECENT).unless(HYSTERECTOMY_RECENT, HYSTERECTOMY_PAST), 3, "seed: the body needs months to adjust; " + NO_WOMB),
            CauseRule.suggests(BIRTH_CONTROL,    any(BIRTH_CONTROL_LONGER).unless(HYSTERECTOMY_RECENT, HYSTERECTOMY_PAST), 2, "seed: hormonal birth control causes spotting; " + NO_WOMB),
            CauseRule.suggests(BIRTH_CONTROL,    any(BIRTH_CONTROL_UNSURE).unless(HYSTERECTOMY_RECENT, HYSTERECTOMY_PAST), 1, "seed: hormonal birth control causes spotting; " + NO_WOMB),
            CauseRule.suggests(STI,              any(STI_RISK_YES),                            3, "seed: chlamydia and gonorrhoea inflame the cervix"),
            CauseRule.suggests(STI,              any(STI_RISK_UNSURE),                         2, "medical-facts: most STIs give no symptoms"),
            CauseRule.suggests(STI,              any(PAIN_DEEP),                               2, V2 + ", Pain and fever: pelvic inflammatory disease, often from chlamydia or gonorrhoea"),
            CauseRule.supports(STI,              any(DISCHARGE_YES),                           1, V2 + ", Infections: trichomoniasis (an STI) changes discharge"),
            CauseRule.suggests(DRYNESS,          any(SORE_OFTEN),                              3, "seed: dryness causes small tears"),
            CauseRule.suggests(DRYNESS,          any(SORE_SOMETIMES),                          2, "seed: dryness causes small tears"),
            CauseRule.suggests(DRYNESS,          any(MENOPAUSE, NO_PERIODS),                   1, V2 + ", After menopause: thinning of the vaginal lining (low oestrogen)"),
            CauseRule.supports(DRYNESS,          any(BIRTH_CONTROL_RECENT, BIRTH_CONTROL_LONGER), 1, "seed: hormones can dry the vagina"),
            CauseRule.suggests(YEAST_INFECTION,  any(DISCHARGE_YES),                           2, V2 + ", Infections: thrush and bacterial vaginosis"),
            CauseRule.suggests(CERVICAL_CHANGES, any(SCREENING_OVERDUE, SCREENING_UNKNOWN, CERVIX_KEPT, CERVIX_UNSURE).fromStartAge(),
                    1, V2 + ", Cervical screening age; product.md: overdue or unknown from the start age; " + V3 + ", Hysterectomy: with the cervix kept, screening continues"),
            CauseRule.suggests(CERVICAL_CHANGES, any(SCREENING_CELL_CHANGES),
                    2, V2 + ", Age: a history of abnormal smears"),
            CauseRule.suggests(CERVICAL_CHANGES, any(AGE_40_PLUS).unless(CERVIX_REMOVED, SCREENING_CANCER_TREATMENT),
                    1, V2 + ", Age: cancer risk rises with age; after cancer treatment the cancer team follows it up"),
            CauseRule.suggests(CERVICAL_CHANGES, any(IN_A_ROW, AGAIN_SINCE_LAST, BETWEEN_YES).fromStartAge().unless(CERVIX_REMOVED, SCREENING_CANCER_TREATMENT),
                    1, V2 + ", Age: persistent bleeding after sex at any age; after cancer treatment the cancer team follows it up"));

    private Triage() {
    }

    public static Result assess(Map<Question, Answer> answers) {
        return assess(answers, Context.DEFAULT_START_AGE);
    }

    /** @param startAge the age cervical screening starts where the person lives */
    public static Result assess(Map<Question, Answer> answers, int startAge) {
        var given = given(answers);
        var matched = RULES.stream().filter(rule -> rule.when().holds(answers, given, startAge)).toList();
        var urgency = levelOf(matched.stream());
        if (urgency == Urgency.NOW) {
            // Emergency: nothing else matters until the person is safe.
            return new Result(Urgency.NOW, matched, List.of(), Map.of(), false, answers, List.of());
        }
        var score = new EnumMap<Cause, Integer>(Cause.class);
        var evidence = new EnumMap<Cause, List<Answer>>(Cause.class);
        for (boolean suggesting : List.of(true, false)) {
            for (var rule : CAUSES) {
                if (rule.suggests() == suggesting && rule.when().holds(answers, given, startAge)
                        && (suggesting || score.containsKey(rule.cause()))) {
                    score.merge(rule.cause(), rule.weight(), Integer::sum);
                    var list = evidence.computeIfAbsent(rule.cause(), c -> new ArrayList<>());
                    rule.answersIn(answers).stream().filter(a -> !list.contains(a)).forEach(list::add);
                }
            }
        }
        var causes = score.keySet().stream()
                .sorted(Comparator.comparing((Cause c) -> -score.get(c)).thenComparing(Cause::ordinal))
                .toList();
        var evidenceCopy = new EnumMap<Cause, List<Answer>>(Cause.class);
        evidence.forEach((cause, list) -> evidenceCopy.put(cause, List.copyOf(list)));
        boolean stiTestAdvised = causes.contains(BIRTH_CONTROL) && answers.get(Question.STI_RISK) != STI_RISK_NO;
        var blocks = BLOCKS.stream().filter(block -> block.when().holds(answers, given, startAge)).toList();
        return new Result(urgency, matched, causes, evidenceCopy, stiTestAdvised, answers, blocks);
    }

    /**
     * Only the level the answers reach, as {@link #assess} finds it: what a check needs on every
     * tap (to say Today as soon as it is known), without weighing the causes.
     */
    public static Urgency urgency(Map<Question, Answer> answers, int startAge) {
        var given = given(answers);
        return levelOf(RULES.stream().filter(rule -> rule.when().holds(answers, given, startAge)));
    }

    private static Set<Answer> given(Map<Question, Answer> answers) {
        return answers.isEmpty() ? EnumSet.noneOf(Answer.class) : EnumSet.copyOf(answers.values());
    }

    /** The most urgent level of the rows that hold; Watch when none does. */
    private static Urgency levelOf(Stream<Rule> matched) {
        return matched.map(Rule::level).min(Comparator.naturalOrder()).orElse(Urgency.WATCH);
    }

    /** The rule rows in order, for the clinical review view. */
    public static List<Rule> rules() {
        return RULES;
    }

    /** The cause rows in order, for the clinical review view. */
    public static List<CauseRule> causeRules() {
        return CAUSES;
    }

    /**
     * One row of the rules table.
     *
     * @param key   names its texts: rule.KEY (the reason and advice shown in the result)
     * @param level how urgent it makes the check; Watch rows only add advice
     * @param fact  the line of medical-facts.md it rests on
     */
    public record Rule(String key, Urgency level, When when, String fact) {
    }

    /**
     * A block of text a result shows when its condition holds, without changing the level.
     *
     * @param key  names its text: result.KEY
     * @param fact the line of medical-facts.md it rests on
     */
    public record Block(String key, When when, String fact) {
    }

    /** The block rows, for the clinical review view. */
    public static List<Block> blocks() {
        return BLOCKS;
    }

    public record CauseRule(Cause cause, When when, int weight, boolean suggests, String fact) {
        static CauseRule suggests(Cause cause, When when, int weight, String fact) {
            return new CauseRule(cause, when, weight, true, fact);
        }

        static CauseRule supports(Cause cause, When when, int weight, String fact) {
            return new CauseRule(cause, when, weight, false, fact);
        }

        /** The given answers that made this row hold, to show as "why this fits". */
        List<Answer> answersIn(Map<Question, Answer> answers) {
            var found = EnumSet.noneOf(Answer.class);
            for (var group : when.allOf()) {
                for (var answer : group) {
                    if (answers.get(answer.question()) == answer) {
                        found.add(answer);
                    }
                }
            }
            return List.copyOf(found);
        }
    }
}
