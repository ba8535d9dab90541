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
 * @param cervix         the person has a cervix (no hysterectomy): only then are cervix texts shown
 * @param answers        the answers it was assessed from
 */
public record Result(Urgency urgency, List<Rule> matched, List<Cause> causes,
                     Map<Cause, List<Answer>> evidence, boolean stiTestAdvised, boolean cervix,
                     Map<Question, Answer> answers) {

    public Result {
        matched = List.copyOf(matched);
        causes = List.copyOf(causes);
        evidence = Map.copyOf(evidence);
        answers = Map.copyOf(answers);
    }

    public boolean noClearCause() {
        return causes.isEmpty() && urgency != Urgency.NOW;
    }

    /** Whether the row with this key matched. */
    public boolean matched(String key) {
        return matched.stream().anyMatch(rule -> rule.key().equals(key));
    }

    /** After the menopause, or with no periods for another reason: a thin, dry lining from low oestrogen. */
    public boolean lowOestrogen() {
        var situation = answers.get(Question.SITUATION);
        return situation == Answer.MENOPAUSE || situation == Answer.NO_PERIODS;
    }

    /** After the menopause: its own pathway, with no talk of a fragile patch or a pregnancy test. */
    public boolean menopause() {
        return answers.get(Question.SITUATION) == Answer.MENOPAUSE;
    }
}
