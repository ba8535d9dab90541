package org.spotcheck.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.chat.Reminders;
import org.spotcheck.log.ChatTag;

/**
 * Sends reminders that are due, each in its chat's lane, so it takes its turn after whatever the
 * chat did before: a /forget or Cancel that came first always wins. Paced to stay under
 * Telegram's limits (about 30 messages a second overall, one a second per chat). A reminder is
 * deleted once it was sent, so it goes out once; one that fell due while the bot was down goes
 * out at the next start.
 */
final class ReminderDelivery {

    private static final Logger log = LoggerFactory.getLogger(ReminderDelivery.class);

    static final Duration OVERALL_GAP = Duration.ofMillis(1000 / 30 + 1);
    static final Duration SAME_CHAT_GAP = Duration.ofSeconds(1);
    private static final int BATCH = 30;
    /** A round waits this long for its sends; what is still out then is counted at the next round. */
    private static final long ROUND_SECONDS = 60;

    private final Reminders reminders;
    private final BotApi api;
    private final ChatLanes lanes;
    private final BotApi.Sleeper sleeper;

    public ReminderDelivery(Reminders reminders, BotApi api, ChatLanes lanes, BotApi.Sleeper sleeper) {
        this.reminders = reminders;
        this.api = api;
        this.lanes = lanes;
        this.sleeper = sleeper;
    }

    /**
     * Sends what is due now, at most a batch (it runs every second, so a backlog drains at
     * Telegram's pace); returns how many reminders were delivered. Never throws.
     */
    public int deliverDue() {
        int delivered = 0;
        try {
            var claims = reminders.claimDue(BATCH);
            if (claims.dropped() > 0) {
                log.warn("{} due reminders were sealed under another secret; they cannot be sent and are dropped",
                        claims.dropped());
            }
            var lastSentTo = new HashMap<Long, Long>();
            var sending = new ArrayList<CompletableFuture<Boolean>>();
            for (var reminder : claims.ready()) {
                pace(lastSentTo.get(reminder.chatId()));
                sending.add(inLane(reminder));
                lastSentTo.put(reminder.chatId(), System.nanoTime());
            }
            delivered = count(sending);
        } catch (InterruptedException e) {
            // Stopping: what was claimed and not sent is claimed afresh at the next start.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("reminder delivery stopped: {}", e.getClass().getSimpleName());
        }
        return delivered;
    }

    private CompletableFuture<Boolean> inLane(Reminders.Claimed reminder) throws InterruptedException {
        var result = new CompletableFuture<Boolean>();
        boolean queued = lanes.submit(reminder.chatId(), () -> deliver(reminder).whenComplete((sent, error) ->
                result.complete(error == null && sent)));
        if (!queued) {
            reminders.notSent(reminder); // the chat has a lot waiting; the next round tries again
            result.complete(false);
        }
        return result;
    }

    private static int count(List<CompletableFuture<Boolean>> sending) throws InterruptedException {
        try {
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).get(ROUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Each send handles its own failure; a slow one is simply not counted here.
        }
        return (int) sending.stream().filter(f -> f.getNow(false)).count();
    }

    /** In the chat's lane: only a reminder still wanted is sent. */
    private CompletableFuture<Boolean> deliver(Reminders.Claimed reminder) {
        String chat = ChatTag.of(reminder.chatKey());
        try {
            if (!reminders.stillWanted(reminder)) {
                log.info("reminder ({}) chat {}: cancelled or erased before its turn; not sent", reminder.kind().key(), chat);
                return CompletableFuture.completedFuture(false);
            }
        } catch (RuntimeException e) {
            log.error("reminder ({}) chat {}: not sent: {}", reminder.kind().key(), chat, e.getClass().getSimpleName());
            return CompletableFuture.completedFuture(false);
        }
        // Settled off the call threads (SQLite work never runs there), still inside the chat's lane.
        return api.sendAsync(reminder.chatId(), reminder.screen()).handleAsync((messageId, error) -> {
            try {
                return settle(reminder, chat, messageId, error);
            } catch (RuntimeException e) {
                log.error("reminder ({}) chat {}: {}", reminder.kind().key(), chat, e.getClass().getSimpleName());
                return false;
            }
        });
    }

    private boolean settle(Reminders.Claimed reminder, String chat, Integer messageId, Throwable error) {
        if (error == null) {
            reminders.sent(reminder, messageId);
            log.info("reminder ({}) chat {}: delivered", reminder.kind().key(), chat);
            return true;
        }
        if (!(BotApi.unwrap(error) instanceof BotApiException e)) {
            reminders.notSent(reminder);
            log.warn("reminder ({}) chat {}: not sent yet, will retry: {}", reminder.kind().key(), chat,
                    BotApi.unwrap(error).getClass().getSimpleName());
            return false;
        }
        // A switch expression, so a new kind of failure does not compile until it is settled here too.
        return switch (e.kind()) {
            case BLOCKED -> {
                reminders.blocked(reminder);
                log.info("reminder ({}) chat {}: the bot was blocked; the chat's data is erased", reminder.kind().key(), chat);
                yield false;
            }
            case REFUSED, MESSAGE_GONE -> {
                reminders.refused(reminder);
                log.warn("reminder ({}) chat {}: refused by Telegram, dropped: {}", reminder.kind().key(), chat, e.getMessage());
                yield false;
            }
            // The bot's own trouble, not the person's (a revoked token, which ends the run, or another
            // process polling): the reminder is kept for the next round or the next start.
            case UNAUTHORIZED, CONFLICT, FAILED -> {
                reminders.notSent(reminder);
                log.warn("reminder ({}) chat {}: not sent yet, will retry: {}", reminder.kind().key(), chat, e.getMessage());
                yield false;
            }
        };
    }

    private void pace(Long lastSentToThisChat) throws InterruptedException {
        sleeper.sleep(OVERALL_GAP);
        if (lastSentToThisChat != null) {
            long waited = System.nanoTime() - lastSentToThisChat;
            long rest = SAME_CHAT_GAP.toNanos() - waited;
            if (rest > 0) {
                sleeper.sleep(Duration.ofNanos(rest));
            }
        }
    }
}
