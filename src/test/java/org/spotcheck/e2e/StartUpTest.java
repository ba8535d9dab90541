package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.telegram.FakeBotApi;
import org.spotcheck.telegram.TelegramBot;

/**
 * The real application starting against a Bot API stand-in that is not well yet: every start-up
 * call fails at first, with a 429 or a proxy's 502 page. The bot must come up and serve; only a
 * refused token stops it.
 */
class StartUpTest {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";

    @RegisterExtension
    final BotAgainstStandIn bot = new BotAgainstStandIn(TOKEN).startedByTheTest();

    private void failsFirst(String method) {
        bot.telegram().failNext(method, 429, null, 1);
        bot.telegram().failNext(method, 502, FakeBotApi.NGINX_502, null);
    }

    @Test
    void theBotComesUpAndServesWhenEveryStartUpCallFailsAtFirst() throws Exception {
        failsFirst("getMe");
        failsFirst("deleteWebhook");
        bot.telegram().passNext("deleteWebhook"); // the bot's own, then TelegramBots' one inside registering fails
        bot.telegram().failNext("deleteWebhook", 502, FakeBotApi.NGINX_502, null);
        failsFirst("getUpdates");
        failsFirst("setMyCommands");

        bot.start();

        var person = new TelegramPerson(bot.telegram(), 9001);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        bot.telegram().awaitCall("setMyCommands", c -> true, TelegramPerson.PATIENCE);
        assertThat(bot.telegram().faults()).extracting(FakeBotApi.Call::method).containsExactlyInAnyOrder(
                "getMe", "getMe", "deleteWebhook", "deleteWebhook", "deleteWebhook",
                "getUpdates", "getUpdates", "setMyCommands", "setMyCommands");
    }

    @Test
    void theBotServesWithoutItsCommandMenuWhenTelegramRefusesIt() throws Exception {
        bot.telegram().failNext("setMyCommands", 400, "Bad Request: BOT_COMMAND_INVALID", null);

        bot.start();

        var person = new TelegramPerson(bot.telegram(), 9002);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        await().atMost(TelegramPerson.PATIENCE).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                .untilAsserted(() -> assertThat(bot.telegram().faults()).as("the refused menu").isNotEmpty());
        assertThat(bot.telegram().commands("")).isEmpty();
    }

    @Test
    void aTokenTelegramRefusesStopsTheStartWithAClearReason() {
        bot.withEnvironment("TELEGRAM_BOT_TOKEN", "7654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9");

        var refused = catchThrowableOfType(TelegramBot.Refused.class, bot::start);

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("401").contains("TELEGRAM_BOT_TOKEN");
        assertThat(bot.telegram().calls("getUpdates")).isEmpty();
    }
}
