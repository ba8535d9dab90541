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
 * inject markup.
 */
public final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final String language;
    private final Map<String, String> texts;

    Messages(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = Map.copyOf(texts);
    }

    public static Messages load(String language) {
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
