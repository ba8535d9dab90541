package org.spotcheck.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Every English text a person reads is easy to read: Flesch–Kincaid grade 8 or lower, text by text.
 * Someone worried, late at night, on a phone, should not need a dictionary.
 */
class ReadabilityTest {

    static final double MAX_GRADE = 8.0;

    /** The formula means nothing for a label or a heading this short. */
    static final int MIN_WORDS = 4;

    static final int MAX_LABEL = 32;

    /**
     * Names a person needs to hear from a doctor anyway, so a text may use them: each counts as two
     * syllables, like an everyday word, instead of its real count.
     */
    static final Set<String> MEDICAL_NAMES = Set.of(
            "chlamydia", "gonorrhoea", "gonorrhea", "gynaecologist", "gynaecologists", "gynecologist",
            "gynecologists", "cervical", "cervix", "menopause", "infection", "infections", "hormonal",
            "contraception", "contraceptive", "contraceptives", "papillomavirus", "hpv", "sti", "stis",
            "ectropion", "polyp", "polyps", "colposcopy", "hysterectomy", "testosterone", "oestrogen", "vaginosis");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private static final Messages EN = Texts.load().in("en");

    @Test
    void everyTextAPersonReadsIsAtMostGrade8() {
        var grades = grades();
        assertThat(grades).as("texts scored").hasSizeGreaterThan(50);

        var sorted = grades.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        var values = grades.values().stream().sorted().toList();
        double median = values.size() % 2 == 1
                ? values.get(values.size() / 2)
                : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
        System.out.printf(Locale.ROOT, "Readability: %d English texts scored, highest grade %.1f (%s), median %.1f%n",
                grades.size(), sorted.get(0).getValue(), sorted.get(0).getKey(), median);

        var tooHard = sorted.stream().filter(e -> e.getValue() > MAX_GRADE)
                .map(e -> String.format(Locale.ROOT, "%s (grade %.1f): %s", e.getKey(), e.getValue(), EN.get(e.getKey())))
                .toList();
        assertThat(tooHard).as("texts above Flesch–Kincaid grade %.0f: use shorter sentences and words", MAX_GRADE)
                .isEmpty();
    }

    @Test
    void theReadabilityCheckSkipsOnlyCommandsConsoleTextsPlaceholdersAndVeryShortTexts() {
        var scored = grades().keySet();

        assertThat(scored).contains("question.emergency.text", "result.urgency.watch", "cause.sti.text", "page.privacy");
        assertThat(scored).noneMatch(key -> key.startsWith("command.") || key.startsWith("console."));
        assertThat(scored).doesNotContain("answer.chosen", "summary.line", "button.back");
    }

    @Test
    void everyButtonLabelIsShortAndSaysSomethingInWords() {
        var problems = new ArrayList<String>();
        for (String key : EN.keys()) {
            if (!key.startsWith("button.") && !key.startsWith("answer.")) {
                continue;
            }
            for (String label : filledIn(EN.get(key))) {
                String plain = Html.toPlain(label);
                int length = plain.codePointCount(0, plain.length());
                if (length > MAX_LABEL) {
                    problems.add(key + " has " + length + " characters: " + plain);
                }
                if (!plain.codePoints().anyMatch(Character::isLetter)) {
                    problems.add(key + " has no word, only symbols: " + plain);
                }
            }
        }
        assertThat(problems).as("button labels (at most %d characters, with at least one letter)", MAX_LABEL).isEmpty();
    }

    /** The grade of every text a person reads, by key. */
    static Map<String, Double> grades() {
        var grades = new TreeMap<String, Double>();
        for (String key : EN.keys()) {
            if (key.startsWith("command.") || key.startsWith("console.")) {
                continue; // Telegram's command menu and the terminal demo: not the conversation
            }
            String text = EN.get(key);
            if (onlyPlaceholders(text)) {
                continue;
            }
            var stats = FleschKincaid.stats(text, MEDICAL_NAMES);
            if (stats.words() < MIN_WORDS) {
                continue;
            }
            grades.put(key, stats.grade());
        }
        return grades;
    }

    /** "✓ {answer}", "• {line}": a frame around another text, with no words of its own. */
    static boolean onlyPlaceholders(String text) {
        String rest = Html.toPlain(PLACEHOLDER.matcher(text).replaceAll(""));
        return rest.codePoints().noneMatch(Character::isLetter);
    }

    /**
     * The label with each placeholder filled by every value the bot can put there (the answers,
     * the cause names, the delays); a placeholder without known values stays as written.
     */
    private static List<String> filledIn(String label) {
        var labels = new ArrayList<>(List.of(label));
        Matcher m = PLACEHOLDER.matcher(label);
        var names = new LinkedHashMap<String, List<String>>();
        while (m.find()) {
            names.put(m.group(1), valuesOf(m.group(1)));
        }
        for (var entry : names.entrySet()) {
            var next = new ArrayList<String>();
            for (String partial : labels) {
                for (String value : entry.getValue()) {
                    next.add(partial.replace("{" + entry.getKey() + "}", value));
                }
            }
            labels = next;
        }
        return labels;
    }

    private static List<String> valuesOf(String placeholder) {
        var values = switch (placeholder) {
            case "answer" -> keysLike("answer\\.[a-z_]+\\.[a-z_]+");
            case "cause" -> keysLike("cause\\.[a-z_]+\\.short");
            case "delay" -> keysLike("delay\\.[a-z]+").stream()
                    .map(delay -> delay.replace("{n}", "90")).toList();
            case "number" -> List.of("10");
            default -> List.of("{" + placeholder + "}");
        };
        return values.stream().map(Html::toPlain).collect(Collectors.toList());
    }

    private static List<String> keysLike(String regex) {
        return EN.keys().stream().filter(key -> key.matches(regex)).sorted(Comparator.naturalOrder()).map(EN::get).toList();
    }
}
