package org.spotcheck.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spotcheck.check.Action;

/** Which language a chat starts in, and the /language list. */
class TextsTest {

    private static final Texts TEXTS = Texts.load();

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
            "en, en", "de, de", "pt-BR, pt-BR", "pt-br, pt-BR",
            "pt, pt-BR", "pt-PT, pt-BR", // Portuguese has one file: the region is ignored
            "fr-CA, fr", "FR, fr", "uk-UA, uk", "es-419, es", "ru-RU, ru",
            "zh-hans, en", "xx, en", "'', en"})
    void telegramsLanguageCodePicksALanguageWithFallbacks(String code, String language) {
        assertThat(TEXTS.pick(code)).isEqualTo(language);
    }

    @Test
    void noLanguageCodeReadsEnglish() {
        assertThat(TEXTS.pick(null)).isEqualTo(Texts.FALLBACK);
    }

    @Test
    void theLanguageListNamesEveryLanguageInItselfTwoARow() {
        var screen = Renderer.languages(TEXTS, TEXTS.in("en"));

        var buttons = screen.keyboard().stream().flatMap(java.util.List::stream).toList();
        assertThat(buttons).extracting(Button::action)
                .containsExactlyElementsOf(Texts.LANGUAGES.stream().map(l -> (Action) new Action.SetLanguage(l)).toList());
        assertThat(buttons).extracting(Button::label)
                .containsExactlyElementsOf(Texts.LANGUAGES.stream().map(l -> TEXTS.in(l).get("language.name")).toList());
        assertThat(screen.keyboard()).allSatisfy(row -> assertThat(row).hasSizeBetween(1, Renderer.LANGUAGES_PER_ROW));
        assertThat(screen.keyboard()).hasSize((Texts.LANGUAGES.size() + 1) / 2);
    }

    @Test
    void aLanguageButtonsCallbackDataNamesItsCodeNeverAPosition() {
        for (String language : Texts.LANGUAGES) {
            assertThat(org.spotcheck.telegram.CallbackData.encode(new Action.SetLanguage(language))).isEqualTo("lang:" + language);
            assertThat(org.spotcheck.telegram.CallbackData.decode("lang:" + language)).isEqualTo(new Action.SetLanguage(language));
        }
    }
}
