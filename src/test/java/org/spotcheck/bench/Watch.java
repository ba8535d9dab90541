package org.spotcheck.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import org.spotcheck.telegram.FakeBotApi;

/**
 * What the benchmark measures at the Bot API stand-in, told by it as things happen: when the bot first
 * polls, when each chat's newest update was handed to it, its turnaround between polls, the calls it
 * makes, whether every tap was answered exactly once; and every screen, passed on to the people, so
 * nothing polls.
 */
final class Watch implements FakeBotApi.Observer {

    /** What the people see: a message the bot sent ({@code fresh}) or edited, with its buttons' callback data. */
    interface Listener {
        void shown(long chatId, int messageId, List<String> buttons, boolean fresh);
    }

    final AtomicLong firstGetUpdatesNanos = new AtomicLong();
    private volatile Listener listener = (chat, id, buttons, fresh) -> { };
    private final Map<Long, Long> handedAt = new ConcurrentHashMap<>();
    /** Calls other than getUpdates, by method (lower case), since the last {@link #takeCalls}. */
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    /** From handing the bot a batch to its next getUpdates: the bot's turnaround, in nanoseconds. */
    private final List<Long> turnarounds = Collections.synchronizedList(new ArrayList<>());
    private volatile long lastBatchAt;
    /** The first batches handed to the bot: how many updates, and when after its first getUpdates. */
    final List<String> batches = Collections.synchronizedList(new ArrayList<>());
    /** How often each tap was answered (answerCallbackQuery), by its callback id: once, or it was lost or applied twice. */
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();

    void listen(Listener listener) {
        this.listener = listener;
    }

    /** A person tapped: the tap with this callback id must be answered once. */
    void tapped(String callbackId) {
        answered.putIfAbsent(callbackId, new AtomicInteger());
    }

    @Override
    public void polled() {
        long now = System.nanoTime();
        firstGetUpdatesNanos.compareAndSet(0, now);
        if (lastBatchAt != 0) {
            turnarounds.add(now - lastBatchAt);
            lastBatchAt = 0;
        }
    }

    @Override
    public void handed(JsonNode updates) {
        long now = System.nanoTime();
        updates.forEach(update -> handedAt.put(chatOf(update), now));
        if (!updates.isEmpty()) {
            lastBatchAt = now;
            if (batches.size() < 8) {
                batches.add(String.format(Locale.ROOT, "%d at %.0f ms", updates.size(),
                        (now - firstGetUpdatesNanos.get()) / 1e6));
            }
        }
    }

    @Override
    public void called(String method, JsonNode params) {
        String name = method.toLowerCase(Locale.ROOT);
        calls.computeIfAbsent(name, m -> new LongAdder()).increment();
        if (name.equals("answercallbackquery")) {
            answered.computeIfAbsent(params.path("callback_query_id").asText(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Override
    public void shown(FakeBotApi.FakeMessage message, boolean fresh) {
        var buttons = new ArrayList<String>();
        if (message.replyMarkup() != null) {
            for (JsonNode row : message.replyMarkup().path("inline_keyboard")) {
                for (JsonNode button : row) {
                    buttons.add(button.path("callback_data").asText());
                }
            }
        }
        listener.shown(message.chatId(), message.messageId(), buttons, fresh);
    }

    /** Calls other than getUpdates since the last time, by method; the count starts again. */
    Map<String, Long> takeCalls() {
        var taken = new TreeMap<String, Long>();
        calls.forEach((method, count) -> taken.put(method, count.sumThenReset()));
        return taken;
    }

    /** When the newest update of a chat was handed to the bot (System.nanoTime), or 0. */
    long handedAt(long chatId) {
        return handedAt.getOrDefault(chatId, 0L);
    }

    private static long chatOf(JsonNode update) {
        var message = update.has("callback_query") ? update.path("callback_query").path("message") : update.path("message");
        return message.path("chat").path("id").asLong();
    }

    /** The bot's turnarounds since the last call, in milliseconds, sorted; a full batch is the next one's wait. */
    double[] takeTurnaroundsMillis() {
        synchronized (turnarounds) {
            var sorted = turnarounds.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
            turnarounds.clear();
            return sorted;
        }
    }

    /** Taps never answered, and answers beyond the first: each is an update lost or applied twice. */
    int[] unansweredAndTwice() {
        int lost = 0;
        int twice = 0;
        for (var count : answered.values()) {
            lost += count.get() == 0 ? 1 : 0;
            twice += Math.max(0, count.get() - 1);
        }
        return new int[] {lost, twice};
    }
}
