package org.spotcheck.check;

import java.util.Arrays;
import java.util.List;

/**
 * The eight questions of a check, in the order they are asked. The key names the texts in
 * messages/ (question.KEY.text, question.KEY.why); the answers are in {@link Answer}.
 */
public enum Question {
    EMERGENCY("emergency"),
    SITUATION("situation"),
    FREQUENCY("frequency"),
    BIRTH_CONTROL("birth_control"),
    DRYNESS("dryness"),
    DISCHARGE("discharge"),
    STI_RISK("sti_risk"),
    SCREENING("screening");

    private final String key;

    Question(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** 1-based position shown to the person as "3 of 8". */
    public int number() {
        return ordinal() + 1;
    }

    public static int count() {
        return values().length;
    }

    public List<Answer> answers() {
        return Arrays.stream(Answer.values()).filter(a -> a.question() == this).toList();
    }

    public boolean isFirst() {
        return ordinal() == 0;
    }

    public boolean isLast() {
        return ordinal() == values().length - 1;
    }

    public Question next() {
        return values()[ordinal() + 1];
    }

    public Question previous() {
        return values()[ordinal() - 1];
    }
}
