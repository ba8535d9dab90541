package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What getUpdates' answers mean for the process: only a revoked token or a lasting conflict stop it. */
class PollWatchTest {

    private final List<TelegramBot.Refused> refusals = new ArrayList<>();
    private long now;
    private final PollWatch watch = new PollWatch(refusals::add, () -> now);

    private void after(Duration elapsed, int code) {
        now += elapsed.toNanos();
        watch.seen(code);
    }

    @Test
    void aRevokedTokenStopsPolling() {
        watch.seen(401);

        assertThat(refusals).singleElement().satisfies(r -> assertThat(r.getMessage()).contains("401"));
    }

    @Test
    void outagesAndRateLimitsAreWaitedOut() {
        for (int i = 0; i < 100; i++) {
            after(Duration.ofSeconds(5), i % 2 == 0 ? 502 : 429);
        }

        assertThat(refusals).isEmpty();
    }

    @Test
    void aConflictThatLastsAMinuteStopsPolling() {
        after(Duration.ZERO, 409);
        after(Duration.ofSeconds(59), 409);
        assertThat(refusals).isEmpty();

        after(Duration.ofSeconds(1), 409);

        assertThat(refusals).singleElement().satisfies(r -> assertThat(r.getMessage()).contains("409"));
    }

    @Test
    void aConflictInterruptedByAnAnswerStartsCountingAgain() {
        after(Duration.ZERO, 409);
        after(Duration.ofSeconds(40), 409);
        after(Duration.ofSeconds(1), 200);
        after(Duration.ofSeconds(1), 409);
        after(Duration.ofSeconds(40), 409);

        assertThat(refusals).isEmpty();
    }
}
