package org.spotcheck.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The condition of a rule row, written so the review view can print it: every group must have one
 * of its answers given, none of the excluded answers may be given, and, for screening rows, the
 * age band must reach the screening start age (or stay below it).
 *
 * @param allOf  groups of answers; each group needs one of its answers
 * @param noneOf answers that rule the row out
 * @param age    where the age band must be against the screening start age
 */
public record When(List<Set<Answer>> allOf, Set<Answer> noneOf, AgeLimit age) {

    /** How a row depends on the screening start age. */
    public enum AgeLimit { ANY, FROM_START_AGE, BELOW_START_AGE }

    public When {
        // Enum sets: the safety test asks every row about every answer path.
        allOf = allOf.stream().map(group -> Collections.unmodifiableSet(EnumSet.copyOf(group))).toList();
        noneOf = Collections.unmodifiableSet(noneOf.isEmpty() ? EnumSet.noneOf(Answer.class) : EnumSet.copyOf(noneOf));
    }

    /** Any one of these answers. */
    static When any(Answer... answers) {
        return new When(List.of(Set.of(answers)), Set.of(), AgeLimit.ANY);
    }

    /** And also one of these. */
    When and(Answer... answers) {
        var groups = new ArrayList<>(allOf);
        groups.add(Set.of(answers));
        return new When(groups, noneOf, age);
    }

    /** But not with any of these. */
    When unless(Answer... answers) {
        var none = EnumSet.noneOf(Answer.class);
        none.addAll(noneOf);
        none.addAll(List.of(answers));
        return new When(allOf, none, age);
    }

    When fromStartAge() {
        return new When(allOf, noneOf, AgeLimit.FROM_START_AGE);
    }

    When belowStartAge() {
        return new When(allOf, noneOf, AgeLimit.BELOW_START_AGE);
    }

    private static boolean anyIn(Set<Answer> answers, Set<Answer> given) {
        for (var answer : answers) {
            if (given.contains(answer)) {
                return true;
            }
        }
        return false;
    }

    /** @param given the answers of {@code answers}, as a set */
    boolean holds(Map<Question, Answer> answers, Set<Answer> given, int startAge) {
        for (var group : allOf) {
            if (!anyIn(group, given)) {
                return false;
            }
        }
        if (anyIn(noneOf, given)) {
            return false;
        }
        var band = answers.get(Question.AGE);
        return switch (age) {
            case ANY -> true;
            // An unknown age (never the case in a finished check) counts as old enough: the cautious side.
            case FROM_START_AGE -> band == null || band.reaches(startAge);
            case BELOW_START_AGE -> band != null && !band.reaches(startAge);
        };
    }
}
