package org.spotcheck.text;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The places to go that a deployment names for its own country, per language (SPOTCHECK_SERVICES),
 * and the age its cervical screening starts at. A service it does not name is spoken of in general
 * words ("your local emergency number"), so the texts never depend on a file being there.
 *
 * @param named              per language, the services the deployment names (plain text, not yet escaped)
 * @param screeningStartAges per language, a screening start age that differs from the deployment's own
 * @param screeningStartAge  the deployment's screening start age
 */
public record LocalServices(Map<String, Map<Service, String>> named, Map<String, Integer> screeningStartAges,
                            int screeningStartAge) {

    /** Screening in England starts at 25 (medical-facts.md; USPSTF: 21); a deployment elsewhere sets its own. */
    public static final int DEFAULT_SCREENING_START_AGE = 25;

    /** No file: every service in general words, screening from 25. */
    public static final LocalServices NONE = new LocalServices(Map.of(), Map.of(), DEFAULT_SCREENING_START_AGE);

    /**
     * A place to go. Texts name it as {svc_KEY}; the file as KEY or LANGUAGE.KEY. TESTKIT, a link to
     * the deployment's free home STI test kit, has no general words: a text that names it is only
     * shown where the deployment names one.
     */
    public enum Service {
        EMERGENCY, URGENT, CLINIC, ASSAULT, YOUNG, ABUSE, TESTKIT;

        /** Its name in the services file and in its placeholder, e.g. "clinic". */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** What a text writes where the service goes, e.g. {svc_clinic}. */
        public String placeholder() {
            return "{svc_" + key() + "}";
        }

        /** The message key of the general words used when the deployment names none. */
        public String genericKey() {
            return "svc." + key() + ".generic";
        }

        public static Optional<Service> of(String key) {
            for (Service service : values()) {
                if (service.key().equals(key)) {
                    return Optional.of(service);
                }
            }
            return Optional.empty();
        }
    }

    public LocalServices {
        named = named.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
        screeningStartAges = Map.copyOf(screeningStartAges);
    }

    /** The services named for this language; empty when none are. */
    public Map<Service, String> named(String language) {
        return named.getOrDefault(language, Map.of());
    }

    public int screeningStartAge(String language) {
        return screeningStartAges.getOrDefault(language, screeningStartAge);
    }
}
