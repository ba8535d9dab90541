package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spotcheck.log.Redactor;
import org.spotcheck.text.Messages;
import org.spotcheck.text.LocalServices;
import org.spotcheck.text.Texts;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * What Telegram shows before a person presses Start: a description and a short description in every
 * language, within Telegram's limits, and not sent again when Telegram already holds the same text.
 */
class BotProfileTest {

    private static final String TOKEN = "7700112:AAGw5rTnB8vKq2XmZ4cJ7pLs9dF3hY6eN1o";
    private static final Texts TEXTS = Texts.load();

    private FakeBotApi telegram;
    private BotApi api;

    @BeforeEach
    void start() {
        telegram = FakeBotApi.start(TOKEN);
        var client = new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", telegram.port(), false));
        api = new BotApi(client, new Redactor(TOKEN), d -> { }, (d, task) -> task.run(), Runnable::run);
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void everyLanguagesDescriptionAndShortDescriptionFitTelegramsLimits() {
        for (Messages m : TEXTS.all()) {
            String description = m.get("profile.description");
            String shortDescription = m.get("profile.short_description");
            assertThat(description.codePointCount(0, description.length())).as(m.language() + " description")
                    .isBetween(1, BotProfile.DESCRIPTION_LIMIT);
            assertThat(shortDescription.codePointCount(0, shortDescription.length())).as(m.language() + " short description")
                    .isBetween(1, BotProfile.SHORT_DESCRIPTION_LIMIT);
        }
    }

    @Test
    void bothTextsAreSentForEveryLanguageWithEnglishAsTheDefault() {
        BotProfile.register(api, TEXTS, false);

        for (Messages m : TEXTS.all()) {
            String code = m.language().equals(Texts.FALLBACK) ? "" : m.language().substring(0, 2);
            assertThat(telegram.description(code)).as("description for '%s'", code).contains(m.get("profile.description"));
            assertThat(telegram.shortDescription(code)).as("short description for '%s'", code)
                    .contains(m.get("profile.short_description"));
        }
        assertThat(telegram.calls("setMyDescription")).hasSize(Texts.LANGUAGES.size());
        assertThat(telegram.calls("setMyShortDescription")).hasSize(Texts.LANGUAGES.size());
    }

    @Test
    void aRestartSendsNothingWhenTelegramAlreadyHoldsTheSameTexts() {
        BotProfile.register(api, TEXTS, false);
        int descriptions = telegram.calls("setMyDescription").size();
        int shortDescriptions = telegram.calls("setMyShortDescription").size();

        BotProfile.register(api, TEXTS, false);

        assertThat(telegram.calls("getMyDescription")).hasSize(2 * Texts.LANGUAGES.size());
        assertThat(telegram.calls("setMyDescription")).hasSize(descriptions);
        assertThat(telegram.calls("setMyShortDescription")).hasSize(shortDescriptions);
    }

    @Test
    void aRefusedDescriptionDoesNotStopTheStartUp() {
        telegram.failNext("setMyDescription", 400, "Bad Request: description is too long", null);

        BotProfile.register(api, TEXTS, false); // does not throw: the bot serves without its description

        assertThat(telegram.faults()).extracting(FakeBotApi.Call::method).containsExactly("setMyDescription");
        assertThat(List.of(telegram.description(""), telegram.shortDescription(""))).allMatch(java.util.Optional::isEmpty);
    }

    @Test
    void withAServicesFileTheDescriptionNamesTheLocalEmergencyNumberInPlainText() {
        var services = new LocalServices(Map.of("en", Map.of(LocalServices.Service.EMERGENCY, "999 & 112"),
                "es", Map.of(LocalServices.Service.EMERGENCY, "112")), Map.of(), LocalServices.DEFAULT_SCREENING_START_AGE);

        BotProfile.register(api, Texts.load(services), false);

        assertThat(telegram.description("")).hasValueSatisfying(d -> assertThat(d).endsWith("In an emergency, call 999 & 112.")
                .doesNotContain("your local emergency number"));
        assertThat(telegram.description("es")).hasValueSatisfying(d -> assertThat(d).endsWith("llama a emergencias (112)."));
    }

    @Test
    void keepingTheDescriptionLeavesWhatWasSetInBotFather() {
        BotProfile.register(api, TEXTS, true);

        assertThat(telegram.calls("getMyDescription")).isEmpty();
        assertThat(telegram.calls("setMyDescription")).isEmpty();
        assertThat(telegram.calls("setMyShortDescription")).isEmpty();
    }
}
