package org.spotcheck;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The real program, started the way Main starts it, with one fault injected: its clock throws an
 * Error when read on the poller's thread, which it is when the first batch of updates is written
 * to the inbox. The Error escapes TelegramBots' polling task, as a bug or an OutOfMemoryError would.
 */
public final class PollerDeathMain {

    private PollerDeathMain() {
    }

    public static void main(String[] args) {
        Main.exit(Main.run(List.of(), false, System.getenv(), new FailingOnThePoller()));
    }

    private static final class FailingOnThePoller extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            if (Thread.currentThread().getName().startsWith("poller")) {
                throw new AssertionError("injected into the handling of a batch of updates");
            }
            return Instant.now();
        }
    }
}
