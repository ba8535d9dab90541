package org.spotcheck.check;

import java.util.Arrays;
import java.util.List;

/**
 * The questions of a check, in the order they are asked (version 3 of the rules). The key names
 * the texts in messages/ (question.KEY.text, question.KEY.why); the answers are in {@link Answer}.
 * The code stands for the question in callback data: it never changes, whatever the order.
 * The name is the stored form, so renaming one is a schema change (see {@link Restore}).
 */
public enum Question {
    EMERGENCY("emergency", "e"),
    AGE("age", "g"),
    SITUATION("situation", "s"),
    FREQUENCY("frequency", "f"),
    /** Asked only after "None of these" in {@link #SITUATION}. */
    BETWEEN_PERIODS("between_periods", "b"),
    BIRTH_CONTROL("birth_control", "c"),
    PAIN("pain", "p"),
    DISCHARGE("discharge", "d"),
    STI_RISK("sti_risk", "i"),
    SCREENING("screening", "x"),
    /** Asked only after a hysterectomy answer in {@link #SCREENING}: was the cervix removed too? */
    CERVIX("cervix", "h");

    private final String key;
    private final String code;

    Question(String key, String code) {
        this.key = key;
        this.code = code;
    }

    public String key() {
        return key;
    }

    /** Short and stable, for callback data. */
    public String code() {
        return code;
    }

    public static Question ofCode(String code) {
        return Arrays.stream(values()).filter(q -> q.code.equals(code)).findFirst().orElse(null);
    }

    public List<Answer> answers() {
        return Arrays.stream(Answer.values()).filter(a -> a.question() == this).toList();
    }

    public Answer answerOfCode(String code) {
        return answers().stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
    }
}
