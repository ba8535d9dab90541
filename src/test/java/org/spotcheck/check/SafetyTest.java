package org.spotcheck.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spotcheck.text.Html;
import org.spotcheck.text.Messages;
import org.spotcheck.text.Renderer;
import org.spotcheck.text.Screen;
import org.spotcheck.text.Texts;

/**
 * product.md, "Safety held by tests" (versions 2 and 3): every answer path of version 3 is walked to its end and held
 * to every invariant, for the default screening start age (25) and an earlier one (21). The result
 * is also rendered in English, so what the person reads is held too, not only the rules.
 */
class SafetyTest {

    private static final Messages EN = Texts.load().in("en");

    private static final java.util.Map<List<Object>, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Marks where a message's buttons begin in the rendered text, so their order can be held. */
    private static final String BUTTONS = "[buttons]\n";

    /** Words that name somewhere to go; every result must contain one. */
    private static final List<String> PLACES = List.of("doctor", "clinic", "emergency department");

    /** Words that only make sense with a cervix (or a womb) there. */
    private static final List<String> CERVIX_WORDS = List.of("cervix", "cervical", "smear");
    private static final List<String> WOMB_WORDS = List.of("womb lining", "pregnancy test");

    private static final Set<Answer> TODAY_OR_NOW = Set.of(Answer.PREGNANT, Answer.RECENT_BIRTH,
            Answer.EMERGENCY_SLIGHT_FEVER, Answer.HYSTERECTOMY_RECENT, Answer.PAIN_DEEP, Answer.AGE_UNDER_13);

    /**
     * Every answer versions 2 and 3 put at Soon (or above) on their own; overdue screening only from
     * the start age. Version 3 adds under 16, a copper coil and any treatment on question 10.
     */
    private static final Set<Answer> NEVER_WATCH = Set.of(Answer.MENOPAUSE, Answer.AGE_40_PLUS, Answer.NO_PERIODS,
            Answer.HYSTERECTOMY_RECENT, Answer.HYSTERECTOMY_PAST, Answer.IN_A_ROW, Answer.AGAIN_SINCE_LAST,
            Answer.FEW_TIMES, Answer.BETWEEN_YES, Answer.BETWEEN_UNSURE, Answer.PAIN_DEEP, Answer.STI_RISK_YES,
            Answer.STI_RISK_UNSURE, Answer.DISCHARGE_YES, Answer.SORE_OFTEN, Answer.AGE_UNDER_13, Answer.AGE_13_15,
            Answer.BIRTH_CONTROL_COPPER, Answer.SCREENING_CELL_CHANGES, Answer.SCREENING_CANCER_TREATMENT);

    private static final Set<Answer> HYSTERECTOMY = Set.of(Answer.HYSTERECTOMY_RECENT, Answer.HYSTERECTOMY_PAST);

    @ParameterizedTest(name = "screening start age {0}")
    @ValueSource(ints = {25, 21})
    void everyAnswerPathEndsInAResultThatKeepsEveryInvariant(int startAge) {
        var paths = new AtomicInteger();
        var wrong = new ArrayList<String>();
        Paths.forEach(check -> {
            paths.incrementAndGet();
            var problems = violations(check, startAge);
            if (!problems.isEmpty() && wrong.size() < 20) {
                wrong.add(check.answers().values() + ": " + problems);
            }
        });
        System.out.printf(Locale.ROOT, "SafetyTest: %d answer paths checked at start age %d%n", paths.get(), startAge);
        assertThat(paths.get()).as("paths walked").isGreaterThan(10_000);
        assertThat(wrong).as("paths that break an invariant").isEmpty();
    }

    static List<String> violations(Check check, int startAge) {
        var wrong = new ArrayList<String>();
        if (!check.finished()) {
            return List.of("the path did not end in a result");
        }
        var answers = check.given().values();
        var result = check.result(startAge);
        if (Triage.urgency(check.given(), startAge) != result.urgency()) {
            wrong.add("the level a tap sees differs from the result's");
        }
        boolean yes = answers.contains(Answer.EMERGENCY_YES);
        if ((result.urgency() == Urgency.NOW) != yes) {
            wrong.add("Now exactly when question 1 is Yes, but " + result.urgency());
        }
        if (answers.stream().anyMatch(TODAY_OR_NOW::contains) && result.urgency().compareTo(Urgency.TODAY) > 0) {
            wrong.add("Today or Now expected, got " + result.urgency());
        }
        if (result.urgency() == Urgency.WATCH && answers.stream().anyMatch(NEVER_WATCH::contains)) {
            wrong.add("Watch with an answer that is at least Soon");
        }
        var age = check.given().get(Question.AGE);
        boolean fromStartAge = age == null || age.reaches(startAge);
        boolean overdue = answers.contains(Answer.SCREENING_OVERDUE) || answers.contains(Answer.SCREENING_UNKNOWN);
        if (result.urgency() == Urgency.WATCH && overdue && fromStartAge) {
            wrong.add("Watch with screening overdue from the start age");
        }
        boolean noWomb = answers.stream().anyMatch(HYSTERECTOMY::contains);
        boolean noCervix = answers.contains(Answer.CERVIX_REMOVED);
        if (noCervix && result.causes().contains(Cause.CERVICAL_CHANGES)) {
            wrong.add("a cervical cause without a cervix");
        }
        if (!fromStartAge && !answers.contains(Answer.SCREENING_CELL_CHANGES) && result.causes().contains(Cause.CERVICAL_CHANGES)) {
            wrong.add("a cervical cause under the start age without an abnormal result");
        }
        // The advice a person reads depends only on what the rules found, not on the summary lines:
        // it is rendered once per distinct finding, which keeps the walk over every path quick.
        // (The "why this fits" lines are left out of the key: they only restate answers.)
        String text = RENDERED.computeIfAbsent(List.of(result.urgency(), result.matched().stream().map(Triage.Rule::key).toList(), result.causes(),
                result.stiTestAdvised(), result.cervix(), result.lowOestrogen(), result.menopause(),
                result.womb(), result.cancerTreatment(), result.underThirteen(), result.blocks()),
                key -> rendered(check, result));
        if (PLACES.stream().noneMatch(text::contains)) {
            wrong.add("the result names no doctor or clinic");
        }
        // The summary may repeat what the person said; the advice and causes may not talk of a cervix.
        String advice = text.substring(0, text.indexOf(Html.toPlain(EN.get("summary.title")).split("\n")[0]));
        if (noCervix) {
            CERVIX_WORDS.stream().filter(advice::contains).forEach(word -> wrong.add("\"" + word + "\" without a cervix"));
        }
        if (noWomb) {
            WOMB_WORDS.stream().filter(advice::contains).forEach(word -> wrong.add("\"" + word + "\" without a womb"));
        }
        wrong.addAll(version3(check, result, startAge, text, advice));
        if (result.urgency() != Urgency.NOW && !text.contains("chlamydia test")) {
            wrong.add("no chlamydia test in a result that is not Now");
        }
        if (result.urgency().compareTo(Urgency.TODAY) <= 0 && text.contains(EN.get("button.remind"))) {
            wrong.add("a reminder in days offered for " + result.urgency());
        }
        if (answers.contains(Answer.MENOPAUSE) && (text.contains("fragile patch") || text.contains("pregnancy test"))) {
            wrong.add("ectropion or pregnancy-test talk after the menopause");
        }
        if (!text.contains(Html.toPlain(EN.get("summary.medicines")))) {
            wrong.add("the doctor summary does not end with the medicines line");
        }
        return wrong;
    }

    /** product.md, "Safety held by tests (added to version 2's)": what version 3 adds, on the rules and the English text. */
    private static List<String> version3(Check check, Result result, int startAge, String text, String advice) {
        var wrong = new ArrayList<String>();
        var given = check.given();
        var answers = given.values();
        boolean now = result.urgency() == Urgency.NOW;
        var situation = given.get(Question.SITUATION);
        boolean pregnantOrRecent = situation == Answer.PREGNANT || situation == Answer.RECENT_BIRTH;
        if (answers.contains(Answer.EMERGENCY_SLIGHT_FEVER) && pregnantOrRecent && !text.contains("now, not later today")) {
            wrong.add("a temperature or new pain with a pregnancy or recent birth or loss is not \"now, not later today\"");
        }
        if (answers.contains(Answer.SCREENING_CANCER_TREATMENT)
                && (text.contains("Cancer is rare") || text.contains("next screening") || !text.contains("cancer team"))) {
            wrong.add("after cancer treatment: \"cancer is rare\" or screening talk, or no cancer team");
        }
        if (answers.contains(Answer.SCREENING_CELL_CHANGES) && !text.contains("colposcopy clinic")) {
            wrong.add("after treatment for cell changes, no colposcopy clinic");
        }
        if (answers.contains(Answer.BIRTH_CONTROL_COPPER) && (!text.contains("coil’s threads") || result.causes().contains(Cause.BIRTH_CONTROL))) {
            wrong.add("a copper coil without the coil check, or with the hormonal cause");
        }
        var age = given.get(Question.AGE);
        boolean kept = answers.contains(Answer.CERVIX_KEPT) || answers.contains(Answer.CERVIX_UNSURE);
        if (kept && age.reaches(startAge) && !(advice.contains("cervix") && advice.contains("keep having cervical screening")
                && result.causes().contains(Cause.CERVICAL_CHANGES))) {
            wrong.add("a kept (or maybe kept) cervix from the start age without its cervix texts, cause and screening");
        }
        boolean contraceptionCondition = !now && answers.contains(Answer.STI_RISK_YES)
                && (answers.contains(Answer.BIRTH_CONTROL_NO) || answers.contains(Answer.BIRTH_CONTROL_UNSURE))
                && situation != Answer.PREGNANT && situation != Answer.MENOPAUSE && answers.stream().noneMatch(HYSTERECTOMY::contains);
        boolean contraceptionShown = text.contains("emergency contraception can still help");
        if (contraceptionCondition != contraceptionShown) {
            wrong.add("the emergency contraception block " + (contraceptionShown ? "shown" : "missing"));
        }
        if (contraceptionShown && text.indexOf("emergency contraception can still help") > text.indexOf(Html.toPlain(EN.get("result.why.title")))) {
            wrong.add("the emergency contraception block is not near the top");
        }
        boolean pregnancyTest = !now && (situation == Answer.NO_PERIODS || situation == Answer.RECENT_BIRTH)
                && answers.stream().noneMatch(HYSTERECTOMY::contains);
        if (pregnancyTest != text.contains("A pregnancy test is worth doing")) {
            wrong.add("the pregnancy-test line not exactly with no periods for another reason or a recent birth");
        }
        if (age == Answer.AGE_UNDER_13) {
            // The opening comes before the heading; the consent page's button before every other button.
            String opening = Html.toPlain(EN.get("result.under_13_opening")).split("\n")[0];
            String heading = Html.toPlain(EN.get("result.urgency." + result.urgency().key())).split("\n")[0];
            if (!text.contains(opening) || text.indexOf(opening) > text.indexOf(heading)) {
                wrong.add("under 13: the result does not open with calm help");
            }
            if (!text.contains(BUTTONS + EN.get("button.consent") + "\n")) {
                wrong.add("under 13: the consent page's button is not first");
            }
        }
        return wrong;
    }

    /** The result as the person reads it in English: every message's text and button labels. */
    private static String rendered(Check check, Result result) {
        var text = new StringBuilder();
        for (Screen screen : Renderer.render(new Reply.ShowResult(check, result), EN)) {
            text.append(Html.toPlain(screen.html())).append('\n');
            if (!screen.keyboard().isEmpty()) {
                text.append(BUTTONS);
            }
            screen.keyboard().forEach(row -> row.forEach(button -> text.append(button.label()).append('\n')));
        }
        return text.toString();
    }
}
