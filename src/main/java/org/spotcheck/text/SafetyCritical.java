package org.spotcheck.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The texts a mistranslation could hurt someone through: the Now and Today wording, the emergency
 * question and its answers, the rules that send a person for help today (an under-13's opening among
 * them), the emergency contraception block, the consent page and the
 * general words for the emergency, urgent-advice, assault and abuse services those texts name.
 * Each translation of these is read back into English by a second reader, who did not write it, in
 * messages/review/LANG.back.properties; docs/content.md shows the three side by side and the
 * translation tests hold that none is missing or left in English. The list is kept here only.
 */
public final class SafetyCritical {

    /** In the order docs/content.md shows them. */
    public static final List<String> KEYS = List.of(
            "question.emergency.text", "question.emergency.why",
            "answer.emergency.yes", "answer.emergency.slight_fever", "answer.emergency.no",
            "result.urgency.now", "result.urgency.today", "result.today.continue", "result.urgency.watch",
            "result.doctor.now", "result.doctor.today", "result.doctor.watch",
            "rule.emergency", "rule.fever_pain", "rule.fever_pregnant", "rule.pregnant", "rule.recent_birth",
            "rule.deep_pain", "rule.hysterectomy_recent", "rule.under_13", "result.under_13_opening",
            "result.emergency_contraception",
            "page.consent", "button.consent",
            "svc.emergency.generic", "svc.urgent.generic", "svc.assault.generic", "svc.abuse.generic");

    private SafetyCritical() {
    }

    /** Where a language's back-translations are, on the class path (messages/review/ in the project). */
    public static String backTranslationsResource(String language) {
        return "/messages/review/" + language + ".back.properties";
    }

    /** The second reader's English for each key of a language; empty when nobody has read it back yet. */
    public static Map<String, String> backTranslations(String language) {
        String resource = backTranslationsResource(language);
        var back = new TreeMap<String, String>();
        try (InputStream in = SafetyCritical.class.getResourceAsStream(resource)) {
            if (in != null) {
                var properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                properties.stringPropertyNames().forEach(key -> back.put(key, properties.getProperty(key)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return back;
    }
}
