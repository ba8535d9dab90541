package org.spotcheck;

import java.util.List;
import java.util.Optional;

/**
 * The real program, started the way Main starts it, with one fault injected: its clock throws an
 * Error when read on the poller's thread, which it is when the first batch of updates is written
 * to the inbox. The Error escapes TelegramBots' polling task, as a bug or an OutOfMemoryError would.
 */
public final class PollerDeathMain {

    private PollerDeathMain() {
    }

    public static void main(String[] args) {
        var failingOnThePoller = new FaultyClock(() -> Thread.currentThread().getName().startsWith("poller")
                ? Optional.of(new AssertionError("injected into the handling of a batch of updates"))
                : Optional.empty());
        Main.exit(Main.run(List.of(), System.getenv(), failingOnThePoller));
    }
}
