package org.spotcheck.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.core.ConditionTimeoutException;

/**
 * How a simulated person waits for the screen to move on after they acted: they look now and again,
 * and after a while without progress they stop waiting and act again (tap again, send /start).
 */
final class Patience {

    private Patience() {
    }

    /**
     * Waits up to {@code patience}, looking every {@code lookEvery}, for {@code progress}; false if it did
     * not come. An interrupted person (their test is being torn down) stops at once instead of waiting on.
     */
    static boolean waitUpTo(Duration patience, Duration lookEvery, BooleanSupplier progress) {
        try {
            await().atMost(patience).pollDelay(Duration.ZERO).pollInterval(lookEvery).pollInSameThread()
                    .failFast("the person was interrupted", () -> Thread.currentThread().isInterrupted())
                    .until(progress::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException noProgress) {
            return false;
        }
    }
}
