package org.spotcheck.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Inbox;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where updates come in. The poller hands over a batch and, as soon as this returns, confirms it
 * to Telegram; so the batch is first written to the inbox, and only then handed to the chat lanes.
 * If the inbox cannot be written, this holds the poller until it can: nothing is confirmed unsaved.
 */
final class Intake implements LongPollingUpdateConsumer {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    static final Duration RETRY = Duration.ofSeconds(1);

    private final Inbox inbox;
    private final ChatKeys chatKeys;
    private final ChatLanes lanes;
    private final TelegramChat chat;
    private final FloodGuard flood;
    private final BotApi.Sleeper sleeper;
    private volatile boolean stopping;

    /** @param sleeper how to wait before writing the inbox again; a stop ends the wait */
    Intake(Inbox inbox, ChatKeys chatKeys, ChatLanes lanes, TelegramChat chat, FloodGuard flood,
           BotApi.Sleeper sleeper) {
        this.inbox = inbox;
        this.chatKeys = chatKeys;
        this.lanes = lanes;
        this.chat = chat;
        this.flood = flood;
        this.sleeper = sleeper;
    }

    /** Before polling starts: hands over what was received but not handled before the last stop. */
    void resume() {
        var pending = inbox.pending();
        if (!pending.isEmpty()) {
            log.info("resuming {} updates received before the last stop", pending.size());
        }
        for (var entry : pending) {
            Incoming in;
            try {
                in = Incoming.fromEvent(entry.updateId(), entry.chatId(), entry.callbackId(), entry.event());
            } catch (RuntimeException e) {
                // One row this release cannot read must not stop every start.
                inbox.setAside(entry.updateId(), "unreadable event (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            dispatch(in, () -> chat.handle(in, entry.chatKey()), false);
        }
    }

    /**
     * From now on batches are left alone: not stored, not handled. Polling has stopped, so they are
     * never confirmed, and Telegram sends them again after the restart.
     */
    void stop() {
        stopping = true;
    }

    @Override
    public void consume(List<Update> updates) {
        if (stopping) {
            return;
        }
        var readable = new ArrayList<Incoming>();
        var entries = new ArrayList<Inbox.Entry>();
        int last = 0;
        for (Update update : updates) {
            last = Math.max(last, update.getUpdateId());
            Optional<Incoming> incoming = read(update);
            if (incoming.isEmpty()) {
                continue;
            }
            readable.add(incoming.get());
            if (incoming.get().privateChat()) {
                var in = incoming.get();
                entries.add(new Inbox.Entry(in.updateId(), in.chatId(), chatKeys.keyFor(in.chatId()), in.event(),
                        in.callbackId()));
            }
        }
        var fresh = new HashMap<Integer, Inbox.Entry>();
        for (var entry : save(entries, last)) {
            fresh.put(entry.updateId(), entry);
        }
        for (Incoming in : readable) {
            // Group updates are never stored; private ones only once, however often Telegram sends them.
            if (!in.privateChat()) {
                dispatch(in, () -> chat.inGroup(in), true);
            } else if (fresh.containsKey(in.updateId())) {
                String chatKey = fresh.get(in.updateId()).chatKey();
                dispatch(in, () -> chat.handle(in, chatKey), true);
            }
        }
    }

    private static Optional<Incoming> read(Update update) {
        try {
            return UpdateReader.read(update);
        } catch (RuntimeException e) {
            // An update shaped in a way we never saw: skip it rather than stall everyone.
            log.warn("update {} unreadable: {}", update.getUpdateId(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private List<Inbox.Entry> save(List<Inbox.Entry> entries, int last) {
        while (true) {
            try {
                return inbox.accept(entries, last);
            } catch (RuntimeException e) {
                log.error("inbox not written, holding the poller: {}", e.getClass().getSimpleName());
                try {
                    sleeper.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("stopped before the inbox was written");
                }
            }
        }
    }

    /** Never throws: an exception out of consume() would cancel TelegramBots' polling task for good. */
    private void dispatch(Incoming in, Supplier<CompletionStage<?>> handling, boolean guard) {
        try {
            var verdict = guard ? flood.check(in.chatId(), lanes.waiting(in.chatId())) : FloodGuard.Verdict.ALLOW;
            if (verdict == FloodGuard.Verdict.DROP) {
                inbox.done(in.updateId()); // the chat was told once when its flood began
                return;
            }
            if (verdict == FloodGuard.Verdict.SLOW_DOWN) {
                log.info("update {}: a chat is flooding; slowing it down", in.updateId());
            }
            Supplier<CompletionStage<?>> work = verdict == FloodGuard.Verdict.ALLOW ? handling : () -> chat.slowDown(in);
            if (!lanes.submit(in.chatId(), work)) {
                inbox.done(in.updateId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Still in the inbox unless marked done: the next start handles it.
            log.error("update {} not dispatched: {}", in.updateId(), e.getClass().getSimpleName());
        }
    }
}
