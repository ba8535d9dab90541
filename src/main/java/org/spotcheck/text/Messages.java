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
 *
 * <p>In a right-to-left language ({@link Texts#RIGHT_TO_LEFT}) every value filled in from outside the
 * text (a number, a date, a duration, an answer label, a service the deployment names) is wrapped in
 * a first-strong isolate, FSI … PDI: the value takes its own direction and cannot drag the words
 * around it out of order ("3 days" or "https://…" inside an Arabic sentence). Latin words written
 * inside a text are isolated by the translator, as \\u2068…\\u2069 in the file.
 */
public final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    /** A place to go that the deployment may name: filled when the texts are loaded, not per message. */
    private static final Pattern SERVICE = Pattern.compile("\\{svc_([a-z_]+)}");
    /** The age cervical screening starts at where the deployment is used: also filled when the texts are loaded. */
    static final String SCREENING_START_AGE = "{screening_start_age}";

    /** FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (Unicode bidirectional algorithm, UAX #9). */
    public static final char FSI = '\u2068';
    public static final char PDI = '\u2069';

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
     * (svc.NAME.generic, written as HTML like any text). A text naming a service that has no
     * general words and is not named here is left out: {@link #has} tells the renderer. And
     * {screening_start_age} by the age this language's readers start screening at (25 without a file).
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
            boolean shown = true;
            while (m.find()) {
                var service = LocalServices.Service.of(m.group(1)).orElseThrow(() -> new IllegalArgumentException(
                        "unknown local service " + m.group() + " in " + key + " for " + written.language));
                if (!named.containsKey(service) && !written.has(service.genericKey())) {
                    shown = false; // a service without general words (the test kit): no text without it
                    break;
                }
                // A name or link the deployment wrote is isolated; the general words are this language's own text.
                String value = named.containsKey(service) ? written.isolate(Html.escape(named.get(service)))
                        : written.get(service.genericKey());
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            if (shown) {
                m.appendTail(out);
                texts.put(key, out.toString().replace(SCREENING_START_AGE, startAge));
            }
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

    /** Whether this language is written right to left (Arabic, Persian). */
    public boolean rightToLeft() {
        return Texts.RIGHT_TO_LEFT.contains(language);
    }

    /** A value filled into a text: in a right-to-left language inside FSI … PDI, else as it is. */
    String isolate(String value) {
        return rightToLeft() ? FSI + value + PDI : value;
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
            // Other texts of this language (compose) are not isolated: they are sentences in its own direction.
            m.appendReplacement(out, Matcher.quoteReplacement(escape ? isolate(Html.escape(value)) : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
