package org.spotcheck.check;

import static org.spotcheck.check.Answer.*;
import static org.spotcheck.check.Cause.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules: answers in, urgency and ranked causes out. This is the one place a clinician
 * reviews; each row is one line of ../shared/spec/product.md.
 */
public final class Triage {

    /** Urgency rows, checked top to bottom; the first row whose answer was given wins. */
    static final List<UrgencyRule> URGENCY = List.of(
            //               level         when any of these was answered
            new UrgencyRule(Urgency.NOW,   List.of(EMERGENCY_YES)),
            new UrgencyRule(Urgency.TODAY, List.of(PREGNANT)),
            new UrgencyRule(Urgency.SOON,  List.of(MENOPAUSE)),
            new UrgencyRule(Urgency.SOON,  List.of(IN_A_ROW, AGAIN_SINCE_LAST)),
            new UrgencyRule(Urgency.SOON,  List.of(FEW_TIMES)),
            new UrgencyRule(Urgency.SOON,  List.of(STI_RISK_YES, STI_RISK_UNSURE)),
            new UrgencyRule(Urgency.SOON,  List.of(DISCHARGE_YES)),
            new UrgencyRule(Urgency.SOON,  List.of(DRY_OFTEN)),
            new UrgencyRule(Urgency.SOON,  List.of(SCREENING_OVERDUE, SCREENING_UNKNOWN)));
    // Nothing above matched: WATCH (only once, nothing else worrying).

    /**
     * Cause rows. A "suggests" row puts the cause on the list; a "supports" row only makes a
     * listed cause rank higher, because on its own it is not enough to name that cause.
     */
    static final List<CauseRule> CAUSES = List.of(
            //                      cause            answer                 weight
            CauseRule.suggests(BIRTH_CONTROL,   BIRTH_CONTROL_RECENT,  3), // the body needs months to adjust
            CauseRule.suggests(BIRTH_CONTROL,   BIRTH_CONTROL_LONGER,  2),
            CauseRule.suggests(BIRTH_CONTROL,   BIRTH_CONTROL_UNSURE,  1),
            CauseRule.suggests(STI,             STI_RISK_YES,          3),
            CauseRule.suggests(STI,             STI_RISK_UNSURE,       2), // most STIs give no symptoms
            CauseRule.supports(STI,             DISCHARGE_YES,         1),
            CauseRule.suggests(DRYNESS,         DRY_OFTEN,             3),
            CauseRule.suggests(DRYNESS,         DRY_SOMETIMES,         2),
            CauseRule.supports(DRYNESS,         BIRTH_CONTROL_RECENT,  1), // hormones can dry the vagina
            CauseRule.supports(DRYNESS,         BIRTH_CONTROL_LONGER,  1),
            CauseRule.supports(DRYNESS,         MENOPAUSE,             1),
            CauseRule.suggests(YEAST_INFECTION, DISCHARGE_YES,         2),
            CauseRule.suggests(CERVICAL_CANCER, SCREENING_OVERDUE,     1), // rare; screening finds it early
            CauseRule.suggests(CERVICAL_CANCER, SCREENING_UNKNOWN,     1));

    private Triage() {
    }

    public static Result assess(Map<Question, Answer> answers) {
        var given = Set.copyOf(answers.values());
        var urgency = URGENCY.stream()
                .filter(rule -> rule.when().stream().anyMatch(given::contains))
                .findFirst();
        if (urgency.isPresent() && urgency.get().level() == Urgency.NOW) {
            // Emergency: nothing else matters until the person is safe.
            return new Result(Urgency.NOW, Optional.of(EMERGENCY_YES), List.of(), Map.of(), false);
        }
        var score = new EnumMap<Cause, Integer>(Cause.class);
        var evidence = new EnumMap<Cause, List<Answer>>(Cause.class);
        for (var rule : CAUSES) {
            if (rule.suggests() && given.contains(rule.answer())) {
                score.merge(rule.cause(), rule.weight(), Integer::sum);
                evidence.computeIfAbsent(rule.cause(), c -> new ArrayList<>()).add(rule.answer());
            }
        }
        for (var rule : CAUSES) {
            if (!rule.suggests() && given.contains(rule.answer()) && score.containsKey(rule.cause())) {
                score.merge(rule.cause(), rule.weight(), Integer::sum);
                evidence.get(rule.cause()).add(rule.answer());
            }
        }
        var causes = score.keySet().stream()
                .sorted(Comparator.comparing((Cause c) -> -score.get(c)).thenComparing(Cause::ordinal))
                .toList();
        var evidenceCopy = new EnumMap<Cause, List<Answer>>(Cause.class);
        evidence.forEach((cause, list) -> evidenceCopy.put(cause, List.copyOf(list)));
        boolean stiTestAdvised = causes.contains(BIRTH_CONTROL) && answers.get(Question.STI_RISK) != STI_RISK_NO;
        return new Result(
                urgency.map(UrgencyRule::level).orElse(Urgency.WATCH),
                urgency.flatMap(rule -> rule.when().stream().filter(given::contains).findFirst()),
                causes, evidenceCopy, stiTestAdvised);
    }

    /** The urgency rows in order, for the clinical review view. */
    public static List<UrgencyRule> urgencyRules() {
        return URGENCY;
    }

    /** The cause rows in order, for the clinical review view. */
    public static List<CauseRule> causeRules() {
        return CAUSES;
    }

    public record UrgencyRule(Urgency level, List<Answer> when) {
    }

    public record CauseRule(Cause cause, Answer answer, int weight, boolean suggests) {
        static CauseRule suggests(Cause cause, Answer answer, int weight) {
            return new CauseRule(cause, answer, weight, true);
        }

        static CauseRule supports(Cause cause, Answer answer, int weight) {
            return new CauseRule(cause, answer, weight, false);
        }
    }
}
