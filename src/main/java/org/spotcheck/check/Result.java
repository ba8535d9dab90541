package org.spotcheck.check;

import java.util.List;
import java.util.Map;

import org.spotcheck.check.Triage.Rule;

/**
 * What a finished check says.
 *
 * @param urgency        how soon to see someone: the most urgent of the matched rows, Watch when none raises it
 * @param matched        every rule row that matched, in table order: all their reasons and advice are shown
 * @param causes         the causes that fit, most likely first; empty when nothing matched
 * @param evidence       for each cause, the answers that point to it
 * @param stiTestAdvised birth control fits but an infection was not ruled out: suggest a test anyway
 * @param answers        the answers it was assessed from
 * @param blocks         the blocks of text to show besides the rows (never for Now), in table order
 */
public record Result(Urgency urgency, List<Rule> matched, List<Cause> causes,
                     Map<Cause, List<Answer>> evidence, boolean stiTestAdvised,
                     Map<Question, Answer> answers, List<Triage.Block> blocks) {

    public Result {
        matched = List.copyOf(matched);
        causes = List.copyOf(causes);
        evidence = Map.copyOf(evidence);
        answers = Map.copyOf(answers);
        blocks = List.copyOf(blocks);
    }

    public boolean noClearCause() {
        return causes.isEmpty() && urgency != Urgency.NOW;
    }

    /** Whether the row with this key matched. */
    public boolean matched(String key) {
        return matched.stream().anyMatch(rule -> rule.key().equals(key));
    }

    /** After the menopause, or with no periods for another reason: a thin, dry lining from low oestrogen may be the cause. */
    public boolean lowOestrogen() {
        var situation = answers.get(Question.SITUATION);
        return situation == Answer.MENOPAUSE || situation == Answer.NO_PERIODS;
    }

    /** After the menopause: its own pathway, with no talk of a fragile patch or a pregnancy test. */
    public boolean menopause() {
        return answers.get(Question.SITUATION) == Answer.MENOPAUSE;
    }

    /** Whether there is a cervix (no hysterectomy, or one that kept it, or not sure): only then are cervix texts shown. */
    public boolean cervix() {
        return answers.get(Question.CERVIX) != Answer.CERVIX_REMOVED;
    }

    /** Whether there is a womb: not after a hysterectomy, kept cervix or not (then no pregnancy or hormonal talk). */
    public boolean womb() {
        return !Answer.hysterectomy(answers.get(Question.SCREENING));
    }

    /** Treated for cancer of the cervix, womb or vagina: the cancer team, and no screening talk. */
    public boolean cancerTreatment() {
        return answers.get(Question.SCREENING) == Answer.SCREENING_CANCER_TREATMENT;
    }

    /** Under 13: calm help and safeguarding come before anything medical. */
    public boolean underThirteen() {
        return answers.get(Question.AGE) == Answer.AGE_UNDER_13;
    }

    /** Under 16: services for young people, not a home test kit (those are for 16 and over). */
    public boolean underSixteen() {
        var age = answers.get(Question.AGE);
        return age == Answer.AGE_UNDER_13 || age == Answer.AGE_13_15;
    }

    /** Whether the block with this key is shown. */
    public boolean shows(String key) {
        return blocks.stream().anyMatch(block -> block.key().equals(key));
    }
}
