package org.spotcheck.check;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a check back from its stored form (answer names joined by commas, the question on screen),
 * including checks stored by versions 1 and 2 of the rules. An answer whose meaning changed since
 * is dropped, so the person is asked that question again; the person then goes on from the first
 * question of their path that has no answer, and walks every question after it with the kept
 * answers marked. A finished check missing an answer is no longer finished.
 */
public final class Restore {

    /**
     * Version 1 names that mean something else now. Null: ask again. The emergency "No" of version 1
     * did not know the slight-temperature answer; "Neither" did not know a recent birth or other
     * reasons for no periods; the dryness answers did not tell deep pain apart; "in the last 3
     * years" did not say normal, nor rule out an abnormal result or a hysterectomy.
     */
    static final Map<String, Answer> VERSION_1 = Map.of(
            "DRY_NO", Answer.PAIN_NO);

    /**
     * Names dropped because their meaning changed; any other unknown name is dropped too. Version 1:
     * see above. Version 2: "Under 16" split into under 13 and 13 to 15; "An abnormal result or
     * treatment" split into cell changes and cancer treatment. A version 2 hysterectomy keeps its
     * name: the new cervix question after it has no answer yet, so it is asked.
     */
    static final java.util.Set<String> ASK_AGAIN = java.util.Set.of(
            "EMERGENCY_NO", "NEITHER", "DRY_OFTEN", "DRY_SOMETIMES", "SCREENING_RECENT",
            "AGE_UNDER_16", "SCREENING_ABNORMAL");

    private Restore() {
    }

    /**
     * @param answers the stored answer names, e.g. "EMERGENCY_NO,NEITHER,ONCE"
     * @param current the stored question on screen, or null for a finished check
     */
    public static Check check(int id, String answers, String current, Optional<LocalDate> earlier) {
        var kept = new EnumMap<Question, Answer>(Question.class);
        Arrays.stream(answers.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Restore::answer).flatMap(Optional::stream)
                .forEach(answer -> kept.put(answer.question(), answer));
        if (kept.get(Question.EMERGENCY) == Answer.EMERGENCY_YES) {
            // An emergency check is over; version 1 and 2 mean the same by it.
            return new Check(id, Map.of(Question.EMERGENCY, Answer.EMERGENCY_YES), Optional.empty(), earlier);
        }
        if (kept.get(Question.FREQUENCY) == Answer.AGAIN_SINCE_LAST && earlier.isEmpty()) {
            kept.remove(Question.FREQUENCY); // "again" means nothing without the earlier check
        }
        var path = Check.path(kept);
        var unanswered = path.stream().filter(q -> !kept.containsKey(q)).findFirst();
        var stored = question(current);
        if (stored.isPresent() && path.contains(stored.get())
                && (unanswered.isEmpty() || path.indexOf(stored.get()) <= path.indexOf(unanswered.get()))) {
            return new Check(id, kept, stored, earlier); // where the person was, e.g. after going back
        }
        return new Check(id, kept, unanswered, earlier);
    }

    private static Optional<Answer> answer(String name) {
        if (VERSION_1.containsKey(name)) {
            return Optional.of(VERSION_1.get(name));
        }
        if (ASK_AGAIN.contains(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Answer.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Question> question(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Question.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // e.g. version 1's DRYNESS
        }
    }
}
