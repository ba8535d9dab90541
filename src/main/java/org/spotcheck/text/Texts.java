package org.spotcheck.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** All languages the bot speaks; picks one for a chat and falls back to English. */
public final class Texts {

    public static final String FALLBACK = "en";

    /**
     * Languages with a file in messages/; the first is the fallback. This is also the order of the
     * /language buttons (callback data names the code, "lang:fr", never a position in this list).
     */
    public static final List<String> LANGUAGES = List.of(FALLBACK, "es", "pt-BR", "ru", "de", "fr", "uk", "id", "tr", "hi", "ar", "fa");

    /**
     * Languages written right to left: their texts wrap every filled-in value in Unicode isolates
     * (see {@link Messages#isolate}), so numbers, durations, names and links keep their order.
     */
    public static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa");

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

    /**
     * The language for a Telegram language_code such as "pt-br", "fr-CA" or "de"; English when unknown.
     * An exact file wins; otherwise the region is ignored and the one file of that language is taken
     * (pt and pt-PT read pt-BR, fr-CA reads fr, uk-UA reads uk). Telegram sends IETF tags, any case.
     */
    public String pick(String languageCode) {
        if (languageCode == null || languageCode.isBlank()) {
            return FALLBACK;
        }
        String code = languageCode.toLowerCase(Locale.ROOT);
        for (String language : byLanguage.keySet()) {
            if (code.equals(language.toLowerCase(Locale.ROOT))) {
                return language;
            }
        }
        return ofPrimary(primary(code)).orElse(FALLBACK);
    }

    /** The one file for a language, whatever its region; none when no file or several have it. */
    private Optional<String> ofPrimary(String primary) {
        var files = byLanguage.keySet().stream().filter(l -> primary(l.toLowerCase(Locale.ROOT)).equals(primary)).toList();
        return files.size() == 1 ? Optional.of(files.get(0)) : Optional.empty();
    }

    private static String primary(String code) {
        int dash = code.indexOf('-');
        return dash < 0 ? code : code.substring(0, dash);
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
