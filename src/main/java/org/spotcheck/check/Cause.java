package org.spotcheck.check;

import java.util.Locale;

/** The common causes SpotCheck can point to, in the seed's order (used to break ties). */
public enum Cause {
    BIRTH_CONTROL,
    STI,
    DRYNESS,
    YEAST_INFECTION,
    CERVICAL_CANCER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
