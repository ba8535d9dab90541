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
 * @param id      drawn at random for every new check, so buttons of an older check are recognised
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
        return new Check(id, Map.of(), Optional.of(Question.EMERGENCY), earlier);
    }

    /**
     * The questions this person is asked, in order, given the answers so far: the between-periods
     * question only after "None of these" (or while that is not answered yet, so the total shrinks
     * when it is skipped), the cervix question only once a hysterectomy is answered (it comes last:
     * counting it before would show "Question 10 of 11" just before most people's result), and
     * nothing after an emergency.
     */
    public List<Question> path() {
        return path(answers);
    }

    static List<Question> path(Map<Question, Answer> answers) {
        if (answers.get(Question.EMERGENCY) == Answer.EMERGENCY_YES) {
            return List.of(Question.EMERGENCY);
        }
        var path = new ArrayList<Question>();
        var situation = answers.get(Question.SITUATION);
        var screening = answers.get(Question.SCREENING);
        for (var question : Question.values()) {
            boolean skipped = question == Question.BETWEEN_PERIODS && situation != null && situation != Answer.SITUATION_NONE
                    || question == Question.CERVIX && !Answer.hysterectomy(screening);
            if (!skipped) {
                path.add(question);
            }
        }
        return path;
    }

    /** "Question {number} of {total}": the place of the question on screen in this person's path. */
    public int number() {
        return path().indexOf(current.orElseThrow()) + 1;
    }

    public int total() {
        return path().size();
    }

    /**
     * The answers that count: those on the path before the question on screen (all of it once
     * finished). An answer kept after going back counts again only when it is given again.
     */
    public Map<Question, Answer> given() {
        var given = new EnumMap<Question, Answer>(Question.class);
        for (var question : path()) {
            if (current.isPresent() && current.get() == question) {
                break;
            }
            if (answers.containsKey(question)) {
                given.put(question, answers.get(question));
            }
        }
        return given;
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

    /** Records the answer to the current question and moves to the next one on the path. */
    public Check answer(Answer answer) {
        var question = current.orElseThrow(() -> new IllegalStateException("check is finished"));
        if (!choices(question).contains(answer)) {
            throw new IllegalArgumentException(answer + " does not answer " + question + " here");
        }
        var next = new EnumMap<Question, Answer>(Question.class);
        next.putAll(answers);
        next.put(question, answer);
        if (answer == Answer.EMERGENCY_YES) {
            // An emergency ends the check; answers given before going back to it no longer count
            // (a stored emergency check keeps only this answer, see Restore).
            next.keySet().retainAll(java.util.Set.of(Question.EMERGENCY));
        }
        var path = path(next);
        int at = path.indexOf(question);
        var following = at + 1 < path.size() ? Optional.of(path.get(at + 1)) : Optional.<Question>empty();
        return new Check(id, next, following, earlier);
    }

    /** The previous question on the path; the first question stays. */
    public Check back() {
        var question = current.orElseThrow(() -> new IllegalStateException("check is finished"));
        var path = path();
        int at = path.indexOf(question);
        return at <= 0 ? this : new Check(id, answers, Optional.of(path.get(at - 1)), earlier);
    }

    public boolean isFirstQuestion() {
        return current.isPresent() && number() == 1;
    }

    public Result result() {
        return result(Context.DEFAULT_START_AGE);
    }

    /** @param screeningStartAge the age cervical screening starts where the person lives */
    public Result result(int screeningStartAge) {
        if (!finished()) {
            throw new IllegalStateException("check is not finished");
        }
        return Triage.assess(given(), screeningStartAge);
    }
}
