package org.spotcheck.check;

/**
 * Every answer a person can give, grouped by question. The stored form of a check is these
 * names, so renaming one is a schema change. The key names the button text in messages/
 * (answer.QUESTION.KEY) and the line of the doctor summary (summary.QUESTION.KEY).
 */
public enum Answer {
    EMERGENCY_YES(Question.EMERGENCY, "yes"),
    EMERGENCY_NO(Question.EMERGENCY, "no"),

    PREGNANT(Question.SITUATION, "pregnant"),
    MENOPAUSE(Question.SITUATION, "menopause"),
    NEITHER(Question.SITUATION, "neither"),

    ONCE(Question.FREQUENCY, "once"),
    FEW_TIMES(Question.FREQUENCY, "few_times"),
    IN_A_ROW(Question.FREQUENCY, "in_a_row"),
    /** Offered only when the person asked SpotCheck to remember an earlier check. */
    AGAIN_SINCE_LAST(Question.FREQUENCY, "again"),

    BIRTH_CONTROL_RECENT(Question.BIRTH_CONTROL, "recent"),
    BIRTH_CONTROL_LONGER(Question.BIRTH_CONTROL, "longer"),
    BIRTH_CONTROL_NO(Question.BIRTH_CONTROL, "no"),
    BIRTH_CONTROL_UNSURE(Question.BIRTH_CONTROL, "unsure"),

    DRY_OFTEN(Question.DRYNESS, "often"),
    DRY_SOMETIMES(Question.DRYNESS, "sometimes"),
    DRY_NO(Question.DRYNESS, "no"),

    DISCHARGE_YES(Question.DISCHARGE, "yes"),
    DISCHARGE_NO(Question.DISCHARGE, "no"),

    STI_RISK_YES(Question.STI_RISK, "yes"),
    STI_RISK_NO(Question.STI_RISK, "no"),
    STI_RISK_UNSURE(Question.STI_RISK, "unsure"),

    SCREENING_RECENT(Question.SCREENING, "recent"),
    SCREENING_OVERDUE(Question.SCREENING, "overdue"),
    SCREENING_UNKNOWN(Question.SCREENING, "unknown");

    private final Question question;
    private final String key;

    Answer(Question question, String key) {
        this.question = question;
        this.key = key;
    }

    public Question question() {
        return question;
    }

    /** The key of this answer's texts, e.g. "frequency.once". */
    public String key() {
        return question.key() + "." + key;
    }

    /** Position among its question's answers; short enough for callback data. */
    public int index() {
        return question.answers().indexOf(this);
    }
}
