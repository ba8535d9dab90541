package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The crash and fault tests count updates applied from the bot's log; the warm-up's made-up ones never count. */
class AppliedUpdatesTest {

    private static final String REAL =
            "2026-12-07T19:40:31.335Z [chat-worker-1] DEBUG org.spotcheck.telegram.TelegramChat - update 8 chat 73b5fbc7: applied";
    private static final String REHEARSED =
            "2026-12-07T19:40:29.101Z [warm-up] DEBUG org.spotcheck.telegram.TelegramChat - [rehearsal] update 8 chat 73b5fbc7: applied";

    @Test
    void anUpdateAppliedTwiceInRealLinesIsFound() {
        var applied = new AppliedUpdates();

        applied.read(REAL);
        applied.read(REAL);

        assertThat(applied.twice()).containsExactly(8);
    }

    @Test
    void theRehearsalsLinesAreNotCountedOnWhicheverThread() {
        var applied = new AppliedUpdates();

        applied.read(REHEARSED);
        applied.read(REHEARSED.replace("[warm-up]", "[bot-api-3]"));
        applied.read(REAL);

        assertThat(applied.size()).isEqualTo(1);
        assertThat(applied.twice()).isEmpty();
    }
}
