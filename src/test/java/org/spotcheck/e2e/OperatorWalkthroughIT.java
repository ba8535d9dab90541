package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README's way to go live, as a new operator follows it against the Bot API stand-in: --check
 * passes, the bot serves a check, a restart keeps the check in progress, a backup is taken, --stats shows the week.
 * Settings are only what the README asks for (the token; the database in its default place). The log is
 * kept in target/operator-walkthrough-it/.
 */
class OperatorWalkthroughIT {

    private static final String TOKEN = "7302233:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final long PERSON = 5_550_777_001L;
    private static final Duration START_UP = Duration.ofSeconds(60);

    @RegisterExtension
    final PackagedBotAgainstStandIn packaged = new PackagedBotAgainstStandIn(TOKEN, "operator-walkthrough-it");

    @Test
    void aFreshInstallPassesTheCheckServesACheckKeepsItOverARestartAndCountsItForTheWeek() throws Exception {
        var env = Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", packaged.telegram().url());

        var check = packaged.command(env, "--check");
        assertThat(check.status()).as("--check; stdout:%n%s%nstderr:%n%s", check.out(), check.err()).isZero();
        assertThat(check.out()).contains("@spotcheck_test_bot");

        var bot = packaged.start(env, "bot");
        bot.awaitPolling(packaged.telegram(), START_UP);
        var person = new TelegramPerson(packaged.telegram(), PERSON);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        for (int question = 1; question <= 3; question++) {
            person.answers(1);
        }
        assertThat(bot.terminate(Duration.ofSeconds(10))).as("exit status after SIGTERM: an orderly stop").isZero();

        bot = packaged.start(env, "bot");
        bot.awaitPolling(packaged.telegram(), START_UP);
        assertThat(person.currentQuestionNumber()).as("the question on screen after the restart").isEqualTo(4);
        while (person.result().isEmpty()) {
            person.answers(1); // each tap is answered by the bot that now runs: the check went on where it was
        }
        assertThat(packaged.telegram().description("")).as("the bot's description, set at start-up").isPresent();
        assertThat(bot.terminate(Duration.ofSeconds(10))).as("an orderly stop").isZero();

        var backup = packaged.command(env, "--backup", packaged.folder().resolve("backup/spotcheck.db").toString());
        assertThat(backup.status()).as("--backup; stderr: %s", backup.err()).isZero();
        assertThat(backup.out()).contains("holds no secret", "a few days at most");
        var stats = packaged.command(env, "--stats");
        var json = packaged.command(env, "--stats", "--json");

        var today = LocalDate.now(ZoneOffset.UTC);
        String week = String.format(Locale.ROOT, "%d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR),
                today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        assertThat(stats.status()).as("--stats; stderr: %s", stats.err()).isZero();
        assertThat(stats.out()).contains(week + "  checks started 1, finished 1 (this week is not over: no breakdown)");
        var total = new ObjectMapper().readTree(json.out()).path("total");
        assertThat(total.path("started").asInt()).as("1, rounded to 5").isZero();
        assertThat(total.path("finished").asInt()).as("1, rounded to 5").isZero();
        assertThat(total.path("rounded").asBoolean()).isTrue();
        assertThat(total.has("results")).as("a breakdown of one check").isFalse();
        System.out.printf("operator walkthrough: --check, a check across a restart, then --stats:%n%s%n%s", check.out(), stats.out());
    }
}
