package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The fixtures' stop: everything a test started is stopped, in order, whatever fails on the way. */
class InTurnTest {

    private final List<String> closed = new ArrayList<>();

    @Test
    void everyPartIsClosedInTheOrderGivenAndOneNeverStartedIsPassedOver() throws Exception {
        InTurn.close(() -> closed.add("bot"), null, () -> closed.add("stand-in"));

        assertThat(closed).containsExactly("bot", "stand-in");
    }

    @Test
    void aPartThatFailsToCloseDoesNotKeepTheNextOnesRunningAndTheFirstFailureIsThrown() {
        var thrown = catchThrowable(() -> InTurn.close(
                () -> {
                    throw new IllegalStateException("the bot");
                },
                () -> {
                    throw new AssertionError("the stand-in");
                },
                () -> closed.add("folder")));

        assertThat(closed).containsExactly("folder");
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessage("the bot");
        assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(AssertionError.class);
    }
}
