package org.spotcheck.check;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One run through the questions. Immutable: answering returns a new check.
 *
 * @param id      increases with every new check in a chat, so buttons of an older check are recognised
 * @param answers what was answered so far (kept when going back, so the choice can be shown)
 * @param current the question on screen; empty once the check is finished
 */
public record Check(int id, Map<Question, Answer> answers, Optional<Question> current) {

    public Check {
        answers = Map.copyOf(answers);
    }

    public static Check begin(int id) {
        return new Check(id, Map.of(), Optional.of(Question.values()[0]));
    }

    public boolean finished() {
        return current.isEmpty();
    }

    /** Records the answer to the current question and moves on; the emergency answer ends the check. */
    public Check answer(Answer answer) {
        var question = current.orElseThrow(() -> new IllegalStateException("check is finished"));
        if (answer.question() != question) {
            throw new IllegalArgumentException(answer + " does not answer " + question);
        }
        var next = new EnumMap<Question, Answer>(Question.class);
        next.putAll(answers);
        next.put(question, answer);
        boolean done = answer == Answer.EMERGENCY_YES || question.isLast();
        return new Check(id, next, done ? Optional.empty() : Optional.of(question.next()));
    }

    public Check back() {
        var question = current.orElseThrow(() -> new IllegalStateException("check is finished"));
        return question.isFirst() ? this : new Check(id, answers, Optional.of(question.previous()));
    }

    public Result result() {
        if (!finished()) {
            throw new IllegalStateException("check is not finished");
        }
        return Triage.assess(answers);
    }
}
