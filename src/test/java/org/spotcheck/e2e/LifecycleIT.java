package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The packaged bot's life as a platform sees it: how it starts when Telegram is not well, when it
 * exits and with which status, and how it stops. The bound on a stop is the README's: 10 seconds.
 * Logs are kept in target/lifecycle-it/.
 */
class LifecycleIT {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    /** The README's promise for SIGTERM. */
    private static final Duration STOP_BOUND = Duration.ofSeconds(10);
    private static final Duration START_UP = Duration.ofSeconds(20);

    @RegisterExtension
    final PackagedBotAgainstStandIn packaged = new PackagedBotAgainstStandIn(TOKEN, "lifecycle-it");

    private BotProcess startBot(String name) throws IOException {
        return packaged.start(packaged.environment(), name);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aTokenTelegramRefusesExitsWithTwoAndOneClearLine() throws Exception {
        String wrong = "7654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9";
        var env = packaged.environment();
        env.put("TELEGRAM_BOT_TOKEN", wrong);
        var bot = packaged.start(env, "bad-token");

        int status = bot.awaitExit(START_UP);

        var lines = bot.lines();
        assertThat(status).as("exit status; log:%n%s", bot.tail()).isEqualTo(2);
        assertThat(lines.stream().filter(l -> l.startsWith("spotcheck:"))).singleElement()
                .satisfies(l -> assertThat(l).contains("401").contains("TELEGRAM_BOT_TOKEN"));
        assertThat(lines).noneMatch(l -> l.contains("Exception") || l.contains("\tat "));
        assertThat(lines).noneMatch(l -> l.contains(wrong));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPollerThatDiesMakesTheProcessExitNonZero() throws Exception {
        var bot = packaged.startMain("org.spotcheck.PollerDeathMain", packaged.environment(), "poller-dies");
        bot.awaitPolling(packaged.telegram(), START_UP);

        packaged.telegram().sendText(4_242_101L, "/start"); // the Error is thrown while this batch is written

        int status = bot.awaitExit(Duration.ofSeconds(20));
        assertThat(status).as("exit status; log:%n%s", bot.tail()).isNotZero();
        assertThat(bot.lines()).anyMatch(l -> l.contains("polling stopped") && l.contains("AssertionError"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigtermWhileStartUpWaitsOutTelegramEndsWithinTheBoundWithoutAnError() throws Exception {
        for (int i = 0; i < 50; i++) {
            packaged.telegram().failNext("getMe", 429, null, 30); // each answer asks to wait half a minute
        }
        var bot = startBot("sigterm-during-start-up");
        await().atMost(START_UP).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                .untilAsserted(() -> assertThat(packaged.telegram().faults()).as(() -> "a refused getMe; log:\n" + bot.tail()).isNotEmpty());

        int status = bot.terminate(STOP_BOUND);

        assertThat(status).as("exit status of an orderly stop; log:%n%s", bot.tail()).isZero();
        assertThat(bot.lines()).noneMatch(l -> l.contains("ERROR"));
        assertThat(packaged.telegram().calls("getUpdates")).as("polling never began").isEmpty();
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void sigtermUnderLoadEndsWithinTheBoundWithoutAnError() throws Exception {
        packaged.telegram().setDelay(Duration.ofMillis(80)); // Telegram is tens of milliseconds away
        var bot = startBot("sigterm-under-load");
        bot.awaitPolling(packaged.telegram(), START_UP);
        int people = 20;
        var crowd = packaged.crowd(people);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < people; i++) {
            var person = new TelegramPerson(packaged.telegram(), 8_100_001L + i);
            crowd.submit(() -> {
                person.startsTheCheckPatiently(Duration.ofSeconds(3), deadline);
                return person.answersPatiently((number, count) -> 1, Duration.ofSeconds(3), deadline);
            });
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).pollInSameThread().untilAsserted(() -> assertThat(packaged.telegram().calls("editMessageText"))
                .as("people answering").hasSizeGreaterThanOrEqualTo(people));

        int status = bot.terminate(STOP_BOUND);

        var errors = new ArrayList<String>();
        bot.lines().stream().filter(l -> l.contains("ERROR")).forEach(errors::add);
        assertThat(status).as("exit status of an orderly stop; log:%n%s", bot.tail()).isZero();
        assertThat(errors).as("ERROR lines").isEmpty();
        Path wal = packaged.database().resolveSibling("spotcheck.db-wal");
        assertThat(Files.exists(wal) ? Files.size(wal) : 0).as("bytes left in the write-ahead log").isZero();
    }
}
