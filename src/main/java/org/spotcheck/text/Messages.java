package org.spotcheck.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of one language, read from messages/LANG.properties inside the jar. Texts are Telegram
 * HTML; placeholders are written {name} and filled with escaped values, so a value can never
 * inject markup. The local services ({svc_NAME}) and the screening start age ({screening_start_age})
 * are filled as the texts are loaded.
 */
public final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    /** A place to go that the deployment may name: filled when the texts are loaded, not per message. */
    private static final Pattern SERVICE = Pattern.compile("\\{svc_([a-z_]+)}");
    /** The age cervical screening starts at where the deployment is used: also filled when the texts are loaded. */
    static final String SCREENING_START_AGE = "{screening_start_age}";

    private final String language;
    private final Map<String, String> texts;

    Messages(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    /** The texts as a deployment without a local services file shows them. */
    public static Messages load(String language) {
        return load(language, LocalServices.NONE);
    }

    /**
     * The texts with each {svc_NAME} filled once, here: by the service the deployment names for this
     * language (escaped, so it can never inject markup), or else by this language's general words
     * (svc.NAME.generic, written as HTML like any text); and {screening_start_age} by the age this
     * language's readers start screening at (25 without a file).
     */
    public static Messages load(String language, LocalServices services) {
        return filled(asWritten(language), services);
    }

    /** The written texts with every {svc_NAME} and {screening_start_age} filled for their language. */
    static Messages filled(Messages written, LocalServices services) {
        var named = services.named(written.language);
        String startAge = String.valueOf(services.screeningStartAge(written.language));
        var texts = new TreeMap<String, String>();
        for (String key : written.keys()) {
            Matcher m = SERVICE.matcher(written.get(key));
            var out = new StringBuilder();
            while (m.find()) {
                var service = LocalServices.Service.of(m.group(1)).orElseThrow(() -> new IllegalArgumentException(
                        "unknown local service " + m.group() + " in " + key + " for " + written.language));
                String value = named.containsKey(service) ? Html.escape(named.get(service)) : written.get(service.genericKey());
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            texts.put(key, out.toString().replace(SCREENING_START_AGE, startAge));
        }
        return new Messages(written.language, texts);
    }

    /** The texts exactly as messages/LANG.properties writes them, {svc_NAME} placeholders and all. */
    public static Messages asWritten(String language) {
        String resource = "/messages/" + language + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no texts for language " + language + " (" + resource + ")");
            }
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            var texts = new TreeMap<String, String>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return new Messages(language, texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public String language() {
        return language;
    }

    public Set<String> keys() {
        return texts.keySet();
    }

    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The raw text (HTML as written in messages/); a missing key is a bug, caught by the content tests. */
    public String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("missing text " + key + " for " + language);
        }
        return text;
    }

    /** A day as this language writes it, e.g. "3 November". */
    public String date(java.time.LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM", java.util.Locale.forLanguageTag(language)));
    }

    /** The text with {name} placeholders filled by HTML-escaped values. */
    public String format(String key, Map<String, String> values) {
        return fill(get(key), values, true);
    }

    /** The text with placeholders filled by values that are already HTML (other texts). */
    public String compose(String key, Map<String, String> html) {
        return fill(get(key), html, false);
    }

    private String fill(String text, Map<String, String> values, boolean escape) {
        Matcher m = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "} in " + language);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape ? Html.escape(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
