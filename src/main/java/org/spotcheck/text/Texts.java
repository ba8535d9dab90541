package org.spotcheck.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** All languages the bot speaks; picks one for a chat and falls back to English. */
public final class Texts {

    public static final String FALLBACK = "en";

    /** Languages with a file in messages/; the first is the fallback. */
    public static final List<String> LANGUAGES = List.of(FALLBACK, "es", "pt-BR", "ru", "de");

    private final Map<String, Messages> byLanguage = new LinkedHashMap<>();
    private final LocalServices services;

    private Texts(LocalServices services) {
        this.services = services;
    }

    /** The texts of a deployment that names no local services. */
    public static Texts load() {
        return load(LocalServices.NONE);
    }

    /** The texts with the local services this deployment names (SPOTCHECK_SERVICES) filled in. */
    public static Texts load(LocalServices services) {
        var texts = new Texts(services);
        LANGUAGES.forEach(language -> texts.byLanguage.put(language, Messages.load(language, services)));
        return texts;
    }

    /** The age cervical screening starts at for people reading this language (the deployment's, or 25). */
    public int screeningStartAge(String language) {
        return services.screeningStartAge(language);
    }

    /** The language for a Telegram language_code such as "pt-br" or "de"; English when unknown. */
    public String pick(String languageCode) {
        if (languageCode == null || languageCode.isBlank()) {
            return FALLBACK;
        }
        String code = languageCode.toLowerCase(Locale.ROOT);
        for (String language : byLanguage.keySet()) {
            String lang = language.toLowerCase(Locale.ROOT);
            if (code.equals(lang) || code.startsWith(lang + "-") || lang.startsWith(code + "-")) {
                return language;
            }
        }
        return FALLBACK;
    }

    public boolean speaks(String language) {
        return byLanguage.containsKey(language);
    }

    public Messages in(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get(FALLBACK));
    }

    public Iterable<Messages> all() {
        return byLanguage.values();
    }
}
