package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** The start-up steps' retries, with waits recorded instead of waited and a clock that moves only when they wait. */
class StartUpRetryTest {

    private final List<Duration> waits = new ArrayList<>();
    private long now;
    private final StartUp startUp = new StartUp(d -> {
        waits.add(d);
        now += d.toNanos();
    }, () -> now);

    private static BotApiException failed(BotApiException.Kind kind) {
        return new BotApiException(kind, "getMe: " + kind);
    }

    /** A step that fails with the given errors, in order, then returns "done"; counts its runs. */
    private static final class Flaky implements StartUp.Step<String> {
        final AtomicInteger runs = new AtomicInteger();
        private final List<Exception> errors;

        Flaky(Exception... errors) {
            this.errors = List.of(errors);
        }

        @Override
        public String run() throws BotApiException, TelegramApiException {
            int run = runs.getAndIncrement();
            if (run < errors.size()) {
                var e = errors.get(run);
                if (e instanceof BotApiException b) {
                    throw b;
                }
                throw (TelegramApiException) e;
            }
            return "done";
        }
    }

    @Test
    void aRequiredStepIsRetriedWithBoundedBackOffUntilItWorks() throws Exception {
        var step = new Flaky(failed(BotApiException.Kind.FAILED), new TelegramApiException("Bot is busy"),
                failed(BotApiException.Kind.FAILED), failed(BotApiException.Kind.REFUSED));

        assertThat(startUp.required("getMe", step)).isEqualTo("done");

        assertThat(step.runs).hasValue(5);
        assertThat(waits).hasSize(4).allSatisfy(w -> assertThat(w.toMillis()).isBetween(1L, BoundedBackOff.MAX_MILLIS));
    }

    @Test
    void anOutageIsWaitedOutHoweverLongItLasts() throws Exception {
        var errors = new Exception[200];
        java.util.Arrays.fill(errors, failed(BotApiException.Kind.FAILED));
        var step = new Flaky(errors);

        assertThat(startUp.required("deleteWebhook", step)).isEqualTo("done");
        assertThat(Duration.ofNanos(now)).isGreaterThan(Duration.ofMinutes(5));
    }

    @Test
    void aRefusedTokenEndsStartUpAtOnce() {
        var step = new Flaky(failed(BotApiException.Kind.UNAUTHORIZED));

        var refused = catchThrowableOfType(TelegramBot.Refused.class, () -> startUp.required("getMe", step));

        assertThat(refused.getMessage()).contains("401").contains("TELEGRAM_BOT_TOKEN");
        assertThat(step.runs).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aConflictThatLastsAMinuteEndsStartUp() {
        var errors = new Exception[100];
        java.util.Arrays.fill(errors, failed(BotApiException.Kind.CONFLICT));
        var step = new Flaky(errors);

        var refused = catchThrowableOfType(TelegramBot.Refused.class, () -> startUp.required("getMe", step));

        assertThat(refused.getMessage()).contains("409");
        assertThat(Duration.ofNanos(now)).isBetween(StartUp.CONFLICT_LIMIT,
                StartUp.CONFLICT_LIMIT.plusMillis(BoundedBackOff.MAX_MILLIS));
    }

    @Test
    void aConflictThatClearsWithinTheMinuteIsWaitedOut() throws Exception {
        var errors = new ArrayList<Exception>();
        for (int i = 0; i < 30; i++) {
            errors.add(failed(i == 15 ? BotApiException.Kind.FAILED : BotApiException.Kind.CONFLICT));
        }
        var step = new Flaky(errors.toArray(Exception[]::new));

        assertThat(startUp.required("getMe", step)).isEqualTo("done");
    }

    @Test
    void anOptionalStepThatKeepsFailingIsSkippedAfterAFewRounds() throws Exception {
        var errors = new Exception[10];
        java.util.Arrays.fill(errors, failed(BotApiException.Kind.FAILED));
        var step = new Flaky(errors);

        startUp.optional("setMyCommands", step);

        assertThat(step.runs).hasValue(StartUp.OPTIONAL_ROUNDS);
    }

    @Test
    void anOptionalStepTelegramRefusesIsSkippedAtOnce() throws Exception {
        var step = new Flaky(failed(BotApiException.Kind.REFUSED), failed(BotApiException.Kind.REFUSED));

        startUp.optional("setMyCommands", step);

        assertThat(step.runs).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aStopDuringTheWaitEndsStartUp() {
        var stopping = new StartUp(d -> {
            throw new InterruptedException("stopping");
        }, () -> 0);
        var step = new Flaky(failed(BotApiException.Kind.FAILED));

        assertThat(catchThrowableOfType(InterruptedException.class, () -> stopping.required("getMe", step))).isNotNull();
        assertThat(step.runs).hasValue(1);
    }
}
