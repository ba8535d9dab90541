package org.spotcheck.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Flesch–Kincaid grade level of an English text:
 * 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
 *
 * <p>Texts are Telegram HTML with {placeholders}: tags and entities are stripped, a placeholder
 * counts as one short word, and line breaks and bullets end a sentence, as they do on a phone
 * screen. Syllables are counted by rule, as readability tools do (vowel groups, silent final e,
 * -le, -ed, -es), with a few common words the rules get wrong listed as they are said.
 */
final class FleschKincaid {

    /** What stands in for a {placeholder}: the filled-in value is short (a date, a number, a name). */
    static final String PLACEHOLDER_WORD = "it";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);");
    /** A sentence ends at . ! ? … (before a space, a quote or the end), at a line break or at a bullet. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+(?=[\\s\"'’”)]|$)|[\\n\\r•]");
    /** STI, HPV, STIs: said letter by letter. */
    private static final Pattern ABBREVIATION = Pattern.compile("[A-Z]{2,}s?");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}'’]*|\\d+(?:[.,]\\d+)*");

    /** Common words the rules below miscount, with the syllables they have. */
    private static final Map<String, Integer> IRREGULAR = Map.ofEntries(
            Map.entry("sometimes", 2), Map.entry("someone", 2), Map.entry("something", 2),
            Map.entry("somewhere", 2), Map.entry("anyone", 3), Map.entry("everyone", 3),
            Map.entry("everything", 3), Map.entry("area", 3), Map.entry("idea", 3),
            Map.entry("business", 2), Map.entry("science", 2), Map.entry("create", 2),
            Map.entry("created", 3), Map.entry("real", 1), Map.entry("really", 2),
            Map.entry("quiet", 2), Map.entry("diet", 2), Map.entry("unique", 2));

    private FleschKincaid() {
    }

    /** How many of each a text has; {@link #grade()} is the Flesch–Kincaid grade level. */
    record Stats(int sentences, int words, int syllables) {
        /** The grade level; 0 for a text without words. */
        double grade() {
            if (words == 0) {
                return 0;
            }
            return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
        }
    }

    static double grade(String text) {
        return stats(text).grade();
    }

    /** The grade with the given words (lower case) counted as two syllables, whatever their length. */
    static double grade(String text, Set<String> countAsTwoSyllables) {
        return stats(text, countAsTwoSyllables).grade();
    }

    static Stats stats(String text) {
        return stats(text, Set.of());
    }

    static Stats stats(String text, Set<String> countAsTwoSyllables) {
        int sentences = 0;
        int words = 0;
        int syllables = 0;
        for (List<String> sentence : sentences(text)) {
            sentences++;
            for (String word : sentence) {
                words++;
                syllables += countAsTwoSyllables.contains(normalise(word)) ? 2 : syllables(word);
            }
        }
        return new Stats(sentences, words, syllables);
    }

    /** The words of each sentence, as a person reads the text: markup gone, placeholders filled. */
    static List<List<String>> sentences(String text) {
        String plain = PLACEHOLDER.matcher(text).replaceAll(PLACEHOLDER_WORD);
        plain = TAG.matcher(plain).replaceAll("");
        plain = ENTITY.matcher(plain).replaceAll(" ");
        var sentences = new ArrayList<List<String>>();
        for (String part : SENTENCE_END.split(plain)) {
            var words = new ArrayList<String>();
            var m = WORD.matcher(part);
            while (m.find()) {
                words.add(m.group());
            }
            if (!words.isEmpty()) {
                sentences.add(words);
            }
        }
        return sentences;
    }

    /** The word in lower case, letters only ("Don’t" → "dont"). */
    static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d]", "");
    }

    /**
     * Syllables of one English word (at least 1). A number counts one per digit; an abbreviation
     * in capitals is spelt out, one syllable per letter (W: three).
     */
    static int syllables(String word) {
        if (ABBREVIATION.matcher(word).matches()) {
            String letters = word.replaceAll("s$", "");
            return letters.length() + 2 * (int) letters.chars().filter(c -> c == 'W').count();
        }
        String w = normalise(word);
        if (w.isEmpty()) {
            return 1;
        }
        if (w.chars().allMatch(Character::isDigit)) {
            return w.length();
        }
        w = w.replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1;
        }
        Integer known = IRREGULAR.get(w);
        if (known != null) {
            return known;
        }
        int count = 0;
        boolean previousVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = isVowel(w, i);
            if (vowel && !previousVowel) {
                count++;
            }
            previousVowel = vowel;
        }
        count += splitVowelPairs(w);
        count -= silentEnding(w, count);
        if (w.endsWith("ing") && w.length() > 4 && isVowel(w, w.length() - 4)) {
            count++; // be-ing, do-ing, try-ing
        }
        return Math.max(1, count);
    }

    /** a e i o u, and y except at the start of a word or between vowels (yes, beyond, layer). */
    private static boolean isVowel(String w, int i) {
        char c = w.charAt(i);
        if ("aeiou".indexOf(c) >= 0) {
            return true;
        }
        if (c != 'y' || i == 0) {
            return false;
        }
        boolean vowelBefore = "aeiou".indexOf(w.charAt(i - 1)) >= 0;
        boolean vowelAfter = i + 1 < w.length() && "aeiou".indexOf(w.charAt(i + 1)) >= 0;
        return !(vowelBefore && vowelAfter);
    }

    /** Vowel pairs said as two syllables: peri-od, chlamydi-a, usu-al, vide-o. */
    private static int splitVowelPairs(String w) {
        int extra = 0;
        for (int i = 1; i + 1 < w.length(); i++) {
            char before = w.charAt(i - 1);
            String pair = w.substring(i, i + 2);
            boolean atEnd = i + 2 == w.length();
            switch (pair) {
                case "io" -> {
                    // -tion, -sion, -cious, -gion, -xious and -nion are one syllable
                    if ("ctsxgn".indexOf(before) < 0 && !w.startsWith("ll", i - 2)) {
                        extra++;
                    }
                }
                case "ia" -> {
                    // chlamydi-a, di-al; but -cial, -tial and -ian are one syllable
                    boolean ian = i + 2 < w.length() && w.charAt(i + 2) == 'n';
                    if (atEnd || ("ctsxg".indexOf(before) < 0 && !ian)) {
                        extra++;
                    }
                }
                case "ua" -> {
                    if (before != 'q' && before != 'g') {
                        extra++; // usu-al, sexu-al; not equal, language
                    }
                }
                case "eo" -> {
                    if (before != 'g' && before != 'p') {
                        extra++; // vide-o, the-ory; not people, surgeon
                    }
                }
                default -> {
                    // one syllable
                }
            }
        }
        return extra;
    }

    /** 1 when the word ends in a vowel group that is not said: make, rules, stopped, likely. */
    private static int silentEnding(String w, int count) {
        if (count <= 1 || w.length() < 3) {
            return 0;
        }
        int n = w.length();
        char last = w.charAt(n - 1);
        if (last == 'e') {
            char before = w.charAt(n - 2);
            if (isVowel(w, n - 2)) {
                return 0; // free, true: the e belongs to the vowel before it
            }
            char beforeThat = w.charAt(n - 3);
            boolean consonantBefore = !isVowel(w, n - 3);
            if (before == 'l' && consonantBefore && beforeThat != 'l' && beforeThat != 'r' && beforeThat != 'w') {
                return 0; // ta-ble, lit-tle
            }
            if (before == 'r' && consonantBefore) {
                return 0; // cen-tre, a-cre
            }
            return 1;
        }
        if (w.endsWith("es") && n >= 4) {
            char before = w.charAt(n - 3);
            if (isVowel(w, n - 3) || "sxzcg".indexOf(before) >= 0 || w.endsWith("ches") || w.endsWith("shes")) {
                return 0; // caus-es, chang-es, wash-es, babies
            }
            if (before == 'l' && !isVowel(w, n - 4) && "lrw".indexOf(w.charAt(n - 4)) < 0) {
                return 0; // ta-bles
            }
            if (before == 'r' && !isVowel(w, n - 4)) {
                return 0; // cen-tres
            }
            return 1; // makes, times, rules
        }
        if (w.endsWith("ed") && n >= 4) {
            char before = w.charAt(n - 3);
            if (isVowel(w, n - 3) || before == 't' || before == 'd') {
                return 0; // need-ed, start-ed, bleed
            }
            if (before == 'l' && "bcdfgkptz".indexOf(w.charAt(n - 4)) >= 0) {
                return 0; // scram-bled
            }
            return 1; // stopped, used, asked
        }
        for (String suffix : new String[] {"ely", "eful", "eness", "eless", "ement"}) {
            if (w.endsWith(suffix) && w.length() > suffix.length() + 1
                    && !isVowel(w, w.length() - suffix.length() - 1)) {
                return 1; // safe-ly, care-ful, state-ment
            }
        }
        return 0;
    }
}
