package org.spotcheck.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for many chats at once, but one chat's work strictly in order: each chat has a lane,
 * and a lane is drained by at most one worker at a time. A piece of work may end on the network:
 * it returns a stage, and the lane moves on when that completes, while the worker serves other
 * chats — so a few workers serve a crowd. Pending work is bounded; when the bound is reached,
 * {@link #submit} blocks, which holds the poller back instead of filling memory.
 */
final class ChatLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChatLanes.class);

    private final ExecutorService workers;
    private final Semaphore capacity;
    private final int maxPerChat;
    private final Map<Long, Queue<Supplier<CompletionStage<?>>>> lanes = new HashMap<>();

    /**
     * @param workers    threads for the work between network calls; they never wait on the network
     * @param maxPending work waiting across all chats before {@link #submit} blocks the poller
     * @param maxPerChat work waiting for one chat before more of it is refused
     */
    ChatLanes(int workers, int maxPending, int maxPerChat) {
        this.workers = Executors.newFixedThreadPool(workers, named("chat-worker"));
        this.capacity = new Semaphore(maxPending);
        this.maxPerChat = maxPerChat;
    }

    /** How much work of this chat is waiting (not counting what runs now). */
    int waiting(long chat) {
        synchronized (lanes) {
            var lane = lanes.get(chat);
            return lane == null ? 0 : lane.size();
        }
    }

    /** Queues the work behind the chat's earlier work; false when that chat already has too much waiting. */
    boolean submit(long chat, Supplier<CompletionStage<?>> work) throws InterruptedException {
        synchronized (lanes) {
            var lane = lanes.get(chat);
            if (lane != null && lane.size() >= maxPerChat) {
                return false;
            }
        }
        capacity.acquire();
        boolean start;
        synchronized (lanes) {
            var lane = lanes.get(chat);
            start = lane == null;
            if (start) {
                lane = new ArrayDeque<>();
                lanes.put(chat, lane);
            }
            lane.add(work);
        }
        if (start) {
            workers.execute(() -> drain(chat));
        }
        return true;
    }

    /** The workers, for work that belongs to a chat but continues after a network call. */
    Executor workers() {
        return workers;
    }

    private void drain(long chat) {
        while (true) {
            Supplier<CompletionStage<?>> next;
            synchronized (lanes) {
                var lane = lanes.get(chat);
                next = lane.poll();
                if (next == null) {
                    lanes.remove(chat);
                    lanes.notifyAll();
                    return;
                }
            }
            CompletableFuture<?> done;
            try {
                done = next.get().toCompletableFuture();
            } catch (RuntimeException | Error e) {
                // The work handles its own errors; this only keeps a bug from killing the lane, which
                // would leave the chat unanswered for good. Its update stays in the inbox for the next start.
                log.error("unhandled error in chat work: {}", e.getClass().getSimpleName());
                done = CompletableFuture.completedFuture(null);
            }
            if (!done.isDone()) {
                // The lane stays claimed until the stage completes; the worker is free meanwhile.
                done.whenComplete((result, error) -> {
                    capacity.release();
                    resume(chat);
                });
                return;
            }
            capacity.release();
        }
    }

    private void resume(long chat) {
        try {
            workers.execute(() -> drain(chat));
        } catch (RejectedExecutionException stopping) {
            // Closing: what is left stays in the inbox and is handled at the next start.
        }
    }

    /**
     * Lets queued and running work finish for up to the given time, then stops the workers; true
     * when everything finished. What did not stays in the inbox for the next start.
     */
    boolean close(long waitMillis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        boolean finished;
        try {
            synchronized (lanes) {
                for (long left = waitMillis; !lanes.isEmpty() && left > 0;
                     left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())) {
                    lanes.wait(left);
                }
                finished = lanes.isEmpty();
            }
            workers.shutdown();
            // A worker may be between two pieces of work; it ends as soon as it sees the shutdown.
            finished &= workers.awaitTermination(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        workers.shutdownNow();
        return finished;
    }

    @Override
    public void close() {
        close(3_000);
    }

    static ThreadFactory named(String prefix) {
        var count = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
