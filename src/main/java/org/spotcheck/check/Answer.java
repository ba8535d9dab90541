package org.spotcheck.check;

/**
 * Every answer a person can give, grouped by question. The stored form of a check is these
 * names, so renaming one is a schema change (see {@link Restore} for the names of version 1).
 * The key names the button text in messages/ (answer.QUESTION.KEY) and the line of the doctor
 * summary (summary.QUESTION.KEY); the code stands for the answer in callback data and never changes.
 */
public enum Answer {
    EMERGENCY_YES(Question.EMERGENCY, "yes", "y"),
    /**
     * A slight temperature, or new mild pain low in the belly: the same day, not an emergency. Version 2
     * asked for both together; its answer is within this wider one, so its code and name stay.
     */
    EMERGENCY_SLIGHT_FEVER(Question.EMERGENCY, "slight_fever", "t"),
    /**
     * None of these. Version 3's wider middle answer took new mild pain out of version 2's "No", so
     * this "No" has its own code: a tap on version 2's button is stale (migration 010 asks it again).
     */
    EMERGENCY_NONE(Question.EMERGENCY, "no", "o"),

    /** Version 2's "Under 16" (code "a") split into these two: a new name and code each, so it is asked again. */
    AGE_UNDER_13(Question.AGE, "under_13", "k", 12),
    AGE_13_15(Question.AGE, "13_15", "m", 15),
    AGE_16_24(Question.AGE, "16_24", "b", 24),
    AGE_25_39(Question.AGE, "25_39", "c", 39),
    AGE_40_PLUS(Question.AGE, "40_plus", "d", Integer.MAX_VALUE),

    PREGNANT(Question.SITUATION, "pregnant", "p"),
    /** A baby, miscarriage or abortion in the last 6 weeks. */
    RECENT_BIRTH(Question.SITUATION, "recent_birth", "b"),
    MENOPAUSE(Question.SITUATION, "menopause", "m"),
    /** No periods for another reason: contraception, testosterone, breastfeeding. */
    NO_PERIODS(Question.SITUATION, "no_periods", "o"),
    SITUATION_NONE(Question.SITUATION, "none", "n"),

    ONCE(Question.FREQUENCY, "once", "1"),
    FEW_TIMES(Question.FREQUENCY, "few_times", "f"),
    IN_A_ROW(Question.FREQUENCY, "in_a_row", "r"),
    /** Offered only when the person asked SpotCheck to remember an earlier check. */
    AGAIN_SINCE_LAST(Question.FREQUENCY, "again", "a"),

    BETWEEN_YES(Question.BETWEEN_PERIODS, "yes", "y"),
    BETWEEN_NO(Question.BETWEEN_PERIODS, "no", "n"),
    BETWEEN_UNSURE(Question.BETWEEN_PERIODS, "unsure", "u"),

    BIRTH_CONTROL_RECENT(Question.BIRTH_CONTROL, "recent", "r"),
    BIRTH_CONTROL_LONGER(Question.BIRTH_CONTROL, "longer", "l"),
    /** A copper coil (IUD): no hormones, so not a hormonal cause, but a coil check. */
    BIRTH_CONTROL_COPPER(Question.BIRTH_CONTROL, "copper", "k"),
    /** No hormones and no copper coil. Version 2's "No" also held a copper coil: as for EMERGENCY_NONE. */
    BIRTH_CONTROL_NO(Question.BIRTH_CONTROL, "no", "o"),
    BIRTH_CONTROL_UNSURE(Question.BIRTH_CONTROL, "unsure", "u"),

    /** Pain deep inside during sex, with or without dryness. */
    PAIN_DEEP(Question.PAIN, "deep", "d"),
    SORE_OFTEN(Question.PAIN, "often", "o"),
    SORE_SOMETIMES(Question.PAIN, "sometimes", "s"),
    PAIN_NO(Question.PAIN, "no", "n"),

    DISCHARGE_YES(Question.DISCHARGE, "yes", "y"),
    DISCHARGE_NO(Question.DISCHARGE, "no", "n"),

    STI_RISK_YES(Question.STI_RISK, "yes", "y"),
    STI_RISK_NO(Question.STI_RISK, "no", "n"),
    STI_RISK_UNSURE(Question.STI_RISK, "unsure", "u"),

    /** In the last 3 years (or 5 with an HPV test), and normal. */
    SCREENING_NORMAL(Question.SCREENING, "normal", "n"),
    SCREENING_OVERDUE(Question.SCREENING, "overdue", "o"),
    SCREENING_UNKNOWN(Question.SCREENING, "unknown", "u"),
    /*
     * Version 2's "An abnormal result or treatment" (code "a") split into these two: a new name and
     * code each, so a version 2 check asks again.
     */
    /** An abnormal result, or treatment for cell changes (for example LLETZ or a cone). */
    SCREENING_CELL_CHANGES(Question.SCREENING, "cell_changes", "c"),
    /** Treatment for cancer of the cervix, womb or vagina, including radiotherapy. */
    SCREENING_CANCER_TREATMENT(Question.SCREENING, "cancer_treatment", "t"),
    HYSTERECTOMY_RECENT(Question.SCREENING, "hysterectomy_recent", "h"),
    HYSTERECTOMY_PAST(Question.SCREENING, "hysterectomy_past", "p"),

    CERVIX_REMOVED(Question.CERVIX, "removed", "r"),
    /** A subtotal hysterectomy: the cervix is there, so are its causes and screening. */
    CERVIX_KEPT(Question.CERVIX, "kept", "k"),
    CERVIX_UNSURE(Question.CERVIX, "unsure", "u");

    private final Question question;
    private final String key;
    private final String code;
    private final int maxAge;

    Answer(Question question, String key, String code) {
        this(question, key, code, -1);
    }

    Answer(Question question, String key, String code, int maxAge) {
        this.question = question;
        this.key = key;
        this.code = code;
        this.maxAge = maxAge;
    }

    public Question question() {
        return question;
    }

    /** The key of this answer's texts, e.g. "frequency.once". */
    public String key() {
        return question.key() + "." + key;
    }

    /** Short and stable, unique within its question, for callback data. */
    public String code() {
        return code;
    }

    /** A hysterectomy, recent or longer ago: no womb, and the cervix question follows. */
    public static boolean hysterectomy(Answer screening) {
        return screening == HYSTERECTOMY_RECENT || screening == HYSTERECTOMY_PAST;
    }

    /**
     * For an age band: whether anyone in it may be at or above the given age. A band that
     * straddles the age (16–24 against a start age of 21) counts as at or above: the cautious reading.
     */
    public boolean reaches(int age) {
        if (question != Question.AGE) {
            throw new IllegalStateException(this + " is not an age band");
        }
        return maxAge >= age;
    }
}
