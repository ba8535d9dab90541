package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The flood guard: a chat far ahead of anyone's tapping is told once, then dropped, until it catches up. */
class FloodGuardTest {

    private static final long FLOODING = 1;
    private static final long CALM = 2;

    private final FloodGuard guard = new FloodGuard();

    @Test
    void aChatWithFewUpdatesWaitingIsLetThrough() {
        for (int waiting = 0; waiting < FloodGuard.MAX_WAITING; waiting++) {
            assertThat(guard.check(FLOODING, waiting)).isEqualTo(FloodGuard.Verdict.ALLOW);
        }
    }

    @Test
    void theFirstUpdatePastTheLimitGetsTheNoteAndTheRestAreDropped() {
        assertThat(guard.check(FLOODING, FloodGuard.MAX_WAITING)).isEqualTo(FloodGuard.Verdict.SLOW_DOWN);
        assertThat(guard.check(FLOODING, FloodGuard.MAX_WAITING + 1)).isEqualTo(FloodGuard.Verdict.DROP);
        assertThat(guard.check(FLOODING, FloodGuard.MAX_WAITING)).isEqualTo(FloodGuard.Verdict.DROP);
    }

    @Test
    void anotherChatIsNotTouchedByAFlood() {
        guard.check(FLOODING, FloodGuard.MAX_WAITING);

        assertThat(guard.check(CALM, 1)).isEqualTo(FloodGuard.Verdict.ALLOW);
        assertThat(guard.check(CALM, FloodGuard.MAX_WAITING)).isEqualTo(FloodGuard.Verdict.SLOW_DOWN);
    }

    @Test
    void aChatThatCaughtUpIsToldAgainWhenItFloodsAgain() {
        guard.check(FLOODING, FloodGuard.MAX_WAITING);
        assertThat(guard.check(FLOODING, 0)).isEqualTo(FloodGuard.Verdict.ALLOW);

        assertThat(guard.check(FLOODING, FloodGuard.MAX_WAITING)).isEqualTo(FloodGuard.Verdict.SLOW_DOWN);
    }

    @Test
    void aChatStillBehindButBelowTheLimitIsNotToldAgain() {
        guard.check(FLOODING, FloodGuard.MAX_WAITING);
        assertThat(guard.check(FLOODING, 3)).isEqualTo(FloodGuard.Verdict.ALLOW);

        assertThat(guard.check(FLOODING, FloodGuard.MAX_WAITING)).isEqualTo(FloodGuard.Verdict.DROP);
    }
}
