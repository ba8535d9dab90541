package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lanes' promises: in order within a chat, concurrent across chats, bounded, and no thread held by the network. */
class ChatLanesTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;

    private final List<String> started = new CopyOnWriteArrayList<>();
    private ChatLanes lanes;

    @AfterEach
    void close() {
        if (lanes != null) {
            lanes.close(1_000);
        }
    }

    /** Work that records its start and then waits on "the network" until the test completes it. */
    private Supplier<CompletionStage<?>> onTheNetwork(String name, CompletableFuture<Void> answer) {
        return () -> {
            started.add(name);
            return answer;
        };
    }

    private Supplier<CompletionStage<?>> quick(String name, CountDownLatch ran) {
        return () -> {
            started.add(name);
            ran.countDown();
            return CompletableFuture.completedFuture(null);
        };
    }

    @Test
    void a_chats_next_update_waits_until_telegram_has_answered_the_one_before() throws Exception {
        lanes = new ChatLanes(2, 100, 10);
        var firstAnswer = new CompletableFuture<Void>();
        var secondRan = new CountDownLatch(1);

        lanes.submit(ALICE, onTheNetwork("first", firstAnswer));
        lanes.submit(ALICE, quick("second", secondRan));

        assertThat(secondRan.await(200, TimeUnit.MILLISECONDS)).isFalse();
        firstAnswer.complete(null);
        assertThat(secondRan.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(started).containsExactly("first", "second");
    }

    @Test
    void a_failed_network_call_does_not_stop_the_chats_lane() throws Exception {
        lanes = new ChatLanes(1, 100, 10);
        var secondRan = new CountDownLatch(1);

        lanes.submit(ALICE, () -> CompletableFuture.failedFuture(new IllegalStateException("lost")));
        lanes.submit(ALICE, quick("second", secondRan));

        assertThat(secondRan.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void one_worker_serves_other_chats_while_a_chat_waits_on_the_network() throws Exception {
        lanes = new ChatLanes(1, 100, 10);
        var bobRan = new CountDownLatch(1);

        lanes.submit(ALICE, onTheNetwork("alice", new CompletableFuture<>()));
        lanes.submit(BOB, quick("bob", bobRan));

        assertThat(bobRan.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_chat_with_too_much_waiting_is_refused_more() throws Exception {
        lanes = new ChatLanes(1, 100, 2);
        lanes.submit(ALICE, onTheNetwork("running", new CompletableFuture<>()));
        // What runs no longer counts as waiting.
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                .untilAsserted(() -> assertThat(started).as("the first work to start").contains("running"));

        assertThat(lanes.submit(ALICE, quick("waiting 1", new CountDownLatch(1)))).isTrue();
        assertThat(lanes.submit(ALICE, quick("waiting 2", new CountDownLatch(1)))).isTrue();
        assertThat(lanes.submit(ALICE, quick("one too many", new CountDownLatch(1)))).isFalse();
        assertThat(lanes.waiting(ALICE)).isEqualTo(2);
    }

    @Test
    void when_everything_pending_is_full_the_poller_is_held_until_work_completes() throws Exception {
        lanes = new ChatLanes(1, 1, 10);
        var answer = new CompletableFuture<Void>();
        lanes.submit(ALICE, onTheNetwork("alice", answer));
        var bobSubmitted = new CountDownLatch(1);
        var poller = new Thread(() -> {
            try {
                lanes.submit(BOB, quick("bob", new CountDownLatch(1)));
                bobSubmitted.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        poller.start();

        assertThat(bobSubmitted.await(200, TimeUnit.MILLISECONDS)).isFalse();
        answer.complete(null);
        assertThat(bobSubmitted.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closing_lets_work_on_the_network_finish_first() throws Exception {
        lanes = new ChatLanes(1, 100, 10);
        var answer = new CompletableFuture<Void>();
        var afterwards = new CountDownLatch(1);
        lanes.submit(ALICE, onTheNetwork("first", answer));
        lanes.submit(ALICE, quick("second", afterwards));

        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> answer.complete(null));
        lanes.close(2_000);

        assertThat(afterwards.getCount()).isZero();
        lanes = null;
    }
}
