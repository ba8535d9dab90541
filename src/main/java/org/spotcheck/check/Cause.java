package org.spotcheck.check;

import java.util.Arrays;
import java.util.Locale;

/**
 * The common causes SpotCheck can point to, in the seed's order (used to break ties). The code
 * stands for the cause in callback data and never changes.
 */
public enum Cause {
    BIRTH_CONTROL("b"),
    STI("s"),
    DRYNESS("d"),
    /** Thrush, bacterial vaginosis and other vaginal infections. */
    YEAST_INFECTION("y"),
    /** Cell changes on the cervix (rarely cancer). */
    CERVICAL_CHANGES("x");

    private final String code;

    Cause(String code) {
        this.code = code;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String code() {
        return code;
    }

    public static Cause ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst().orElse(null);
    }
}
