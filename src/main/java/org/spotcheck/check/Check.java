package org.spotcheck.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run through the questions. Immutable: answering returns a new check.
 *
 * @param id      increases with every new check in a chat, so buttons of an older check are recognised
 * @param answers what was answered so far (kept when going back, so the choice can be shown)
 * @param current the question on screen; empty once the check is finished
 * @param earlier the day of an earlier check the person asked SpotCheck to remember, if any:
 *                then "it happened again" can be answered, and counts as more than once
 */
public record Check(int id, Map<Question, Answer> answers, Optional<Question> current, Optional<LocalDate> earlier) {

    public Check {
        answers = Map.copyOf(answers);
    }

    public Check(int id, Map<Question, Answer> answers, Optional<Question> current) {
        this(id, answers, current, Optional.empty());
    }

    public static Check begin(int id) {
        return begin(id, Optional.empty());
    }

    public static Check begin(int id, Optional<LocalDate> earlier) {
        return new Check(id, Map.of(), Optional.of(Question.values()[0]), earlier);
    }

    /**
     * The answers the person can choose for a question of this check, in the order shown.
     * "It happened again" is offered only after a remembered check, and then first.
     */
    public List<Answer> choices(Question question) {
        var choices = new ArrayList<>(question.answers());
        choices.remove(Answer.AGAIN_SINCE_LAST);
        if (question == Question.FREQUENCY && earlier.isPresent()) {
            choices.add(0, Answer.AGAIN_SINCE_LAST);
        }
        return choices;
    }

    public boolean finished() {
        return current.isEmpty();
    }

    /** Records the answer to the current question and moves on; the emergency answer ends the check. */
    public Check answer(Answer answer) {
        var question = current.orElseThrow(() -> new IllegalStateException("check is finished"));
        if (!choices(question).contains(answer)) {
            throw new IllegalArgumentException(answer + " does not answer " + question + " here");
        }
        var next = new EnumMap<Question, Answer>(Question.class);
        next.putAll(answers);
        next.put(question, answer);
        boolean done = answer == Answer.EMERGENCY_YES || question.isLast();
        return new Check(id, next, done ? Optional.empty() : Optional.of(question.next()), earlier);
    }

    public Check back() {
        var question = current.orElseThrow(() -> new IllegalStateException("check is finished"));
        return question.isFirst() ? this : new Check(id, answers, Optional.of(question.previous()), earlier);
    }

    public Result result() {
        if (!finished()) {
            throw new IllegalStateException("check is not finished");
        }
        return Triage.assess(answers);
    }
}
