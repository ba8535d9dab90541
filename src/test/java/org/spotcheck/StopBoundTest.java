package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stop keeps one bound (README: 10 s in all): the hourly clean-up and the bot stop side by side,
 * by the same deadline, so a clean-up under way cannot add its wait to the bot's.
 */
class StopBoundTest {

    private static final Duration BOUND = Duration.ofMillis(300);

    private final ScheduledExecutorService cleaning = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void aCleanUpIsUnderWayAndDoesNotEnd() throws InterruptedException {
        var started = new CountDownLatch(1);
        cleaning.execute(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @AfterEach
    void release() {
        release.countDown();
        cleaning.shutdownNow();
    }

    @Test
    void aStuckCleanUpAndABotThatNeedsItsWholeBoundStopByTheOneDeadline() {
        long begin = System.nanoTime();

        boolean inTime = Application.stopTogether(begin + BOUND.toNanos(), cleaning, end -> {
            while (System.nanoTime() - end < 0) { // the bot's work in hand takes all the time it is given
                LockSupport.parkNanos(end - System.nanoTime());
            }
            return true;
        });

        long took = System.nanoTime() - begin;
        assertThat(inTime).as("finished in time").isFalse();
        // Waiting for the clean-up first (as the stop once did, up to 2 s) would take BOUND + 2 s.
        assertThat(Duration.ofNanos(took)).isLessThan(BOUND.plusSeconds(1));
    }

    @Test
    void theBotIsGivenTheWholeDeadline() {
        long end = System.nanoTime() + BOUND.toNanos();
        var given = new AtomicLong();

        Application.stopTogether(end, cleaning, deadline -> {
            given.set(deadline);
            return true;
        });

        assertThat(given.get()).isEqualTo(end);
    }
}
