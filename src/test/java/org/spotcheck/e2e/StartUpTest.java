package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.Application;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.telegram.FakeBotApi;
import org.spotcheck.telegram.TelegramBot;

/**
 * The real application starting against a Bot API stand-in that is not well yet: every start-up
 * call fails at first, with a 429 or a proxy's 502 page. The bot must come up and serve; only a
 * refused token stops it.
 */
class StartUpTest {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";

    @TempDir
    Path dir;

    private FakeBotApi telegram;
    private Application app;

    @BeforeEach
    void startTelegram() {
        telegram = FakeBotApi.start(TOKEN);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        telegram.close();
    }

    private Application open(String token) {
        var settings = SettingsLoader.load(Map.of(
                "TELEGRAM_BOT_TOKEN", token,
                "TELEGRAM_API_URL", telegram.url(),
                "SPOTCHECK_DB", dir.resolve("spotcheck.db").toString()));
        app = Application.open(settings, Clock.systemUTC());
        return app;
    }

    private void failsFirst(String method) {
        telegram.failNext(method, 429, null, 1);
        telegram.failNext(method, 502, FakeBotApi.NGINX_502, null);
    }

    @Test
    void theBotComesUpAndServesWhenEveryStartUpCallFailsAtFirst() throws Exception {
        failsFirst("getMe");
        failsFirst("deleteWebhook");
        telegram.passNext("deleteWebhook"); // the bot's own, then TelegramBots' one inside registering fails
        telegram.failNext("deleteWebhook", 502, FakeBotApi.NGINX_502, null);
        failsFirst("getUpdates");
        failsFirst("setMyCommands");

        open(TOKEN).startTelegram(TelegramBot.WarmUp.SKIP);

        var person = new TelegramPerson(telegram, 9001);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        telegram.awaitCall("setMyCommands", c -> true, TelegramPerson.PATIENCE);
        assertThat(telegram.faults()).extracting(FakeBotApi.Call::method).containsExactlyInAnyOrder(
                "getMe", "getMe", "deleteWebhook", "deleteWebhook", "deleteWebhook",
                "getUpdates", "getUpdates", "setMyCommands", "setMyCommands");
    }

    @Test
    void theBotServesWithoutItsCommandMenuWhenTelegramRefusesIt() throws Exception {
        telegram.failNext("setMyCommands", 400, "Bad Request: BOT_COMMAND_INVALID", null);

        open(TOKEN).startTelegram(TelegramBot.WarmUp.SKIP);

        var person = new TelegramPerson(telegram, 9002);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        await().atMost(TelegramPerson.PATIENCE).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                .untilAsserted(() -> assertThat(telegram.faults()).as("the refused menu").isNotEmpty());
        assertThat(telegram.commands("")).isEmpty();
    }

    @Test
    void aTokenTelegramRefusesStopsTheStartWithAClearReason() {
        var refused = catchThrowableOfType(TelegramBot.Refused.class,
                () -> open("7654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9").startTelegram(TelegramBot.WarmUp.SKIP));

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("401").contains("TELEGRAM_BOT_TOKEN");
        assertThat(telegram.calls("getUpdates")).isEmpty();
    }
}
