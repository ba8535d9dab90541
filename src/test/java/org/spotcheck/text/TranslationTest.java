package org.spotcheck.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Check;
import org.spotcheck.check.Question;
import org.spotcheck.check.ReminderKind;
import org.spotcheck.check.Reply;

/**
 * Every language says everything English says: the same keys, the same placeholders, the same
 * HTML tags, and within Telegram's limits once rendered.
 */
class TranslationTest {

    private static final Texts TEXTS = Texts.load();
    private static final Messages EN = TEXTS.in(Texts.FALLBACK);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
    private static final Pattern TAG = Pattern.compile("</?[a-z]+>");

    static List<String> translations() {
        return Texts.LANGUAGES.stream().filter(l -> !l.equals(Texts.FALLBACK)).toList();
    }

    @ParameterizedTest
    @MethodSource("translations")
    void hasExactlyTheEnglishKeys(String language) {
        assertThat(TEXTS.in(language).keys()).containsExactlyInAnyOrderElementsOf(EN.keys());
    }

    @ParameterizedTest
    @MethodSource("translations")
    void keepsEveryPlaceholderAndTagOfTheEnglish(String language) {
        // As written, so the local services ({svc_NAME}, filled as the texts load) are compared too.
        var m = Messages.asWritten(language);
        var en = Messages.asWritten(Texts.FALLBACK);
        for (String key : en.keys()) {
            assertThat(sorted(PLACEHOLDER, m.get(key))).as("%s %s placeholders", language, key)
                    .isEqualTo(sorted(PLACEHOLDER, en.get(key)));
            assertThat(sorted(TAG, m.get(key))).as("%s %s tags", language, key).isEqualTo(sorted(TAG, en.get(key)));
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void speaksItsOwnLanguageNotEnglish(String language) {
        var m = TEXTS.in(language);
        long same = EN.keys().stream().filter(k -> m.get(k).equals(EN.get(k)) && m.get(k).length() > 12).count();
        assertThat(same).as("texts left in English").isLessThanOrEqualTo(2);
    }

    // ---------- safety-critical texts (SafetyCritical.KEYS) ----------

    @org.junit.jupiter.api.Test
    void everySafetyCriticalKeyIsAnEnglishKey() {
        assertThat(EN.keys()).containsAll(SafetyCritical.KEYS);
    }

    @ParameterizedTest
    @MethodSource("translations")
    void noSafetyCriticalTextIsLeftInEnglish(String language) {
        var m = Messages.asWritten(language);
        var en = Messages.asWritten(Texts.FALLBACK);
        boolean latinScript = latinShare(m.get("language.name")) > 0.5; // the language names itself in its own script
        for (String key : SafetyCritical.KEYS) {
            assertThat(m.get(key)).as("%s %s is still the English", language, key).isNotEqualTo(en.get(key));
            if (!latinScript) {
                assertThat(latinShare(m.get(key))).as("%s %s is mostly Latin letters", language, key).isLessThanOrEqualTo(0.5);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everySafetyCriticalTextHasABackTranslationBySecondReader(String language) {
        var back = SafetyCritical.backTranslations(language);
        var missing = SafetyCritical.KEYS.stream().filter(key -> back.getOrDefault(key, "").isBlank()).toList();
        assertThat(missing).as("%s lacks the English back-translation (by a second reader, who did not write the"
                + " translation) of these safety-critical keys", SafetyCritical.backTranslationsResource(language)).isEmpty();
        assertThat(back.keySet()).as("%s: keys that are not safety-critical", SafetyCritical.backTranslationsResource(language))
                .isSubsetOf(SafetyCritical.KEYS);
    }

    @org.junit.jupiter.api.Test
    void everyFileInMessagesIsALanguageTheBotSpeaks() throws java.io.IOException {
        var folder = java.nio.file.Path.of(System.getProperty("basedir", ".")).resolve("messages");
        try (var files = java.nio.file.Files.list(folder)) {
            var languages = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".properties") && !name.equals("sources.properties"))
                    .map(name -> name.substring(0, name.length() - ".properties".length())).toList();
            assertThat(Texts.LANGUAGES).as("Texts.LANGUAGES against the files in messages/")
                    .containsExactlyInAnyOrderElementsOf(languages);
        }
    }

    /** The share of Latin-script letters among the letters of a text, its placeholders and tags left out. */
    private static double latinShare(String text) {
        String words = PLACEHOLDER.matcher(TAG.matcher(text).replaceAll("")).replaceAll("");
        long letters = words.codePoints().filter(Character::isLetter).count();
        long latin = words.codePoints().filter(Character::isLetter)
                .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        return letters == 0 ? 0 : (double) latin / letters;
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyRenderedScreenStaysWithinTelegramsLimits(String language) {
        var m = TEXTS.in(language);
        for (var screen : screens(m)) {
            assertThat(screen.html().length()).as(language).isLessThanOrEqualTo(Renderer.MAX_MESSAGE);
            for (var row : screen.keyboard()) {
                for (var button : row) {
                    assertThat(button.label().codePointCount(0, button.label().length()))
                            .as("%s button %s", language, button.label()).isLessThanOrEqualTo(32);
                }
            }
        }
        for (String key : m.keys()) {
            if (key.endsWith(".why") || key.startsWith("toast.")) {
                assertThat(Html.toPlain(m.get(key)).length()).as("%s %s", language, key).isLessThanOrEqualTo(200);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyCommandOfTheMenuHasAPlainDescriptionWithinTelegramsLimit(String language) {
        for (var command : org.spotcheck.check.Input.Command.values()) {
            String text = TEXTS.in(language).get("command." + command.word());
            assertThat(text.codePointCount(0, text.length())).as("%s /%s", language, command.word()).isBetween(1, 256);
            assertThat(text).as("%s /%s is plain text", language, command.word()).doesNotContain("<", "&");
        }
    }

    @ParameterizedTest
    @MethodSource("translations")
    void answerLabelsOfAQuestionAreDistinctInEveryLanguage(String language) {
        // The rules never read text; this guards against a translation that swaps two answer labels.
        for (var question : Question.values()) {
            var labels = question.answers().stream().map(a -> TEXTS.in(language).get("answer." + a.key())).toList();
            assertThat(labels).as("%s answers of %s are distinct", language, question).doesNotHaveDuplicates();
        }
    }

    /** Every 97th answer path, walked once for all languages. */
    private static final List<Check> SAMPLE = sample();

    private static List<Check> sample() {
        var sample = new ArrayList<Check>();
        var count = new int[1];
        org.spotcheck.check.Paths.forEach(check -> {
            if (count[0]++ % 97 == 0) {
                sample.add(check);
            }
        });
        return sample;
    }

    private static List<Screen> screens(Messages m) {
        var screens = new ArrayList<Screen>();
        // Every question, and a spread of results: every 97th answer path, the longest results and an emergency.
        for (var check : SAMPLE) {
            screens.addAll(Renderer.render(new Reply.ShowResult(check, check.result()), m));
        }
        var walk = Check.begin(1, java.util.Optional.of(java.time.LocalDate.of(2026, 9, 30)));
        while (!walk.finished()) {
            screens.addAll(Renderer.render(new Reply.ShowQuestion(walk), m));
            var question = walk.current().orElseThrow();
            walk = walk.answer(question == Question.EMERGENCY ? Answer.EMERGENCY_SLIGHT_FEVER
                    : question == Question.SITUATION ? Answer.SITUATION_NONE
                    : question == Question.SCREENING ? Answer.HYSTERECTOMY_PAST : question.answers().get(0));
        }
        // The longest results: as many rows and causes at once as the answers allow.
        for (var situation : List.of(Answer.MENOPAUSE, Answer.PREGNANT, Answer.NO_PERIODS)) {
            for (var birthControl : List.of(Answer.BIRTH_CONTROL_RECENT, Answer.BIRTH_CONTROL_NO)) {
                var all = Check.begin(1).answer(Answer.EMERGENCY_SLIGHT_FEVER).answer(Answer.AGE_UNDER_13).answer(situation)
                        .answer(Answer.IN_A_ROW).answer(birthControl).answer(Answer.PAIN_DEEP)
                        .answer(Answer.DISCHARGE_YES).answer(Answer.STI_RISK_YES).answer(Answer.SCREENING_UNKNOWN);
                screens.addAll(Renderer.render(new Reply.ShowResult(all, all.result()), m));
                screens.addAll(Renderer.render(new Reply.ShowToday(all, all.result()), m));
            }
        }
        var emergency = Check.begin(1).answer(Answer.EMERGENCY_YES);
        screens.addAll(Renderer.render(new Reply.ShowResult(emergency, emergency.result()), m));
        screens.addAll(Renderer.render(new Reply.ShowConsent(), m));
        for (var page : Reply.Page.values()) {
            screens.addAll(Renderer.render(new Reply.ShowPage(page, true), m));
        }
        for (var kind : ReminderKind.values()) {
            screens.add(Renderer.reminder(kind, m));
            screens.addAll(Renderer.render(new Reply.ReminderSet(kind, java.time.Duration.ofDays(7)), m));
        }
        screens.addAll(Renderer.render(new Reply.ChooseDelay(List.of(java.time.Duration.ofSeconds(20), java.time.Duration.ofDays(7))), m));
        screens.add(Renderer.languages(TEXTS, m));
        return screens;
    }

    private static List<String> sorted(Pattern pattern, String text) {
        var found = new ArrayList<String>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        found.sort(null);
        return found;
    }

}
