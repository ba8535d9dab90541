package org.spotcheck.telegram;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;

/**
 * The one thread TelegramBots polls on, which notices when polling ends. The library runs its
 * poll as a periodic task; an exception or Error that escapes it (from the consumer, or out of
 * memory) ends that task for good without a word, while the process stays up and deaf. A periodic
 * task is only ever done when it threw or was cancelled, so a done task is reported.
 */
final class PollerThread extends ScheduledThreadPoolExecutor {

    private final Consumer<Throwable> ended;

    /** @param ended told why polling ended: what the task threw, or a CancellationException */
    PollerThread(Consumer<Throwable> ended) {
        super(1, ChatLanes.named("poller"));
        this.ended = ended;
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        if (task instanceof Future<?> future && future.isDone()) {
            ended.accept(why(future));
        }
    }

    private static Throwable why(Future<?> future) {
        try {
            future.get();
            return new IllegalStateException("the polling task returned");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}
