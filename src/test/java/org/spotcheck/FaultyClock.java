package org.spotcheck;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The system clock, except that reading it throws whatever {@code fault} gives when it gives one
 * (a RuntimeException or an Error): a way to inject a failure exactly where the code asks the time.
 */
public final class FaultyClock extends UtcClock {

    private final Supplier<Optional<? extends Throwable>> fault;

    public FaultyClock(Supplier<Optional<? extends Throwable>> fault) {
        this.fault = fault;
    }

    @Override
    public Instant instant() {
        var thrown = fault.get();
        if (thrown.isPresent() && thrown.get() instanceof Error error) {
            throw error;
        }
        if (thrown.isPresent()) {
            throw (RuntimeException) thrown.get();
        }
        return Instant.now();
    }
}
