package org.spotcheck.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.check.Check;
import org.spotcheck.check.Input;
import org.spotcheck.log.ChatTag;
import org.spotcheck.log.Redactor;
import org.spotcheck.store.Inbox;
import org.spotcheck.text.Html;
import org.spotcheck.text.Screen;
import org.spotcheck.text.Texts;

/**
 * Handles one incoming update of one chat: runs the dialogue, answers the tap, then shows the
 * screens — the question by editing its message in place, everything else as new messages.
 * The network is touched only after the turn is committed, so a failed send never loses an answer:
 * the next tap shows the current question again. Sending holds no thread: each step follows the
 * last when Telegram has answered.
 */
final class TelegramChat {

    private static final Logger log = LoggerFactory.getLogger(TelegramChat.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final CompletableFuture<Boolean> CONTINUE = CompletableFuture.completedFuture(true);
    private static final CompletableFuture<Boolean> STOP = CompletableFuture.completedFuture(false);

    private final Dialogue dialogue;
    private final BotApi api;
    private final Texts texts;
    private final Inbox inbox;
    private final String botUsername;
    private final Redactor redactor;

    TelegramChat(Dialogue dialogue, BotApi api, Texts texts, Inbox inbox,
                        String botUsername, Redactor redactor) {
        this.dialogue = dialogue;
        this.api = api;
        this.texts = texts;
        this.inbox = inbox;
        this.botUsername = botUsername;
        this.redactor = redactor;
    }

    /**
     * A private chat's update, under the chat key it was received with. Never fails: one update's
     * failure must not stop the poller or touch another chat. Completes when everything for this
     * update has been sent, without a thread waiting meanwhile.
     */
    CompletableFuture<Void> handle(Incoming in, String chatKey) {
        return safely(in, () -> {
            if (in.blocked()) {
                erase(chatKey, in);
                return DONE;
            }
            return converse(chatKey, in);
        });
    }

    /** A group's update: nothing of it is kept, so it has no chat key. Never fails, like {@link #handle}. */
    CompletableFuture<Void> inGroup(Incoming in) {
        return safely(in, () -> pointToPrivateChat(in));
    }

    private CompletableFuture<Void> safely(Incoming in, Supplier<CompletableFuture<Void>> handling) {
        CompletableFuture<Void> work;
        try {
            work = handling.get();
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        return work.exceptionallyCompose(e -> {
            log.error("update {} failed: {}", in.updateId(), redactor.describe(BotApi.unwrap(e)));
            // Handled, badly: replaying an update that fails every time would fail every start.
            markDone(in);
            return apologise(in);
        });
    }

    /** The chat sends faster than anyone taps: answer briefly, keep nothing, change nothing. */
    CompletableFuture<Void> slowDown(Incoming in) {
        markDone(in);
        var m = texts.in(texts.pick(in.languageCode()));
        return note(in, Html.toPlain(m.get("toast.slow_down")), false, m.get("page.slow_down"), "slow-down note");
    }

    private void markDone(Incoming in) {
        try {
            inbox.done(in.updateId());
        } catch (RuntimeException e) {
            log.error("update {}: not marked handled: {}", in.updateId(), redactor.describe(e));
        }
    }

    /** What one update has put on screen so far, carried from one send to the next. */
    private static final class Delivery {
        final List<Integer> sent = new ArrayList<>();
        Optional<Integer> questionMessage;
        Optional<Integer> movedQuestion = Optional.empty();

        Delivery(Optional<Integer> questionMessage) {
            this.questionMessage = questionMessage;
        }
    }

    private CompletableFuture<Void> converse(String chatKey, Incoming in) {
        var outcome = dialogue.take(chatKey, OptionalLong.of(in.chatId()), in.input(), in.languageCode(),
                OptionalInt.of(in.updateId()));
        if (log.isDebugEnabled()) { // a tag is an HMAC: not worked out for every update when nobody prints it
            log.debug("update {} chat {}: applied", in.updateId(), ChatTag.of(chatKey));
        }
        in.callbackId().ifPresent(id -> api.answer(id, outcome.popUp().map(t -> t.text()),
                outcome.popUp().map(t -> t.alert()).orElse(false)));
        // Deleting old messages cannot reorder the reply, so it goes out beside it and nobody waits for it.
        outcome.deletable().forEach(messageId -> api.deleteAsync(in.chatId(), messageId));
        CompletableFuture<Boolean> going = CONTINUE;
        CompletableFuture<Boolean> beside = CONTINUE;
        var delivery = new Delivery(outcome.state().questionMessageId());
        boolean finished = outcome.state().check().map(Check::finished).orElse(true);
        for (Screen screen : outcome.screens()) {
            if (screen.slot() == Screen.Slot.QUESTION && finished) {
                // The "finished" line only edits the older question message (it is never sent anew), so it
                // cannot reorder the new messages: it goes out beside the result instead of a round trip before it.
                beside = show(chatKey, in, screen, true, delivery);
                continue;
            }
            // New messages one after the other, in order; false once the chat turned out to be blocked.
            going = going.thenCompose(go -> go ? show(chatKey, in, screen, finished, delivery) : STOP);
        }
        return going.thenCombine(beside, Boolean::logicalAnd).thenAccept(go -> {
            if (go && !outcome.erased()) {
                dialogue.delivered(chatKey, delivery.sent, delivery.movedQuestion);
            }
        });
    }

    /** Shows one screen: the question by editing the tapped message where possible, the rest as new messages. */
    private CompletableFuture<Boolean> show(String chatKey, Incoming in, Screen screen, boolean finished, Delivery delivery) {
        CompletableFuture<Boolean> shown;
        if (screen.slot() == Screen.Slot.QUESTION) {
            var old = delivery.questionMessage;
            boolean tappedHere = old.isPresent() && in.tappedMessage().equals(old);
            shown = (tappedHere ? edited(in.chatId(), old.get(), screen) : CompletableFuture.completedFuture(false))
                    .thenCompose(edited -> {
                        if (edited || finished) {
                            // The "finished" line only replaces buttons; it is not news on its own.
                            return CONTINUE;
                        }
                        return api.sendAsync(in.chatId(), screen).thenCompose(id -> {
                            delivery.sent.add(id);
                            delivery.questionMessage = Optional.of(id);
                            delivery.movedQuestion = delivery.questionMessage;
                            // The old question goes once the new one is there; nobody waits for that.
                            old.filter(o -> o != id.intValue()).ifPresent(o -> api.deleteAsync(in.chatId(), o));
                            return CONTINUE;
                        });
                    });
        } else if (screen.slot() == Screen.Slot.IN_PLACE) {
            // Replaces the message tapped: an edit brings no new notification. Sent anew only if that fails.
            shown = (in.tappedMessage().isPresent() ? edited(in.chatId(), in.tappedMessage().get(), screen)
                    : CompletableFuture.completedFuture(false))
                    .thenCompose(edited -> edited ? CONTINUE
                            : api.sendAsync(in.chatId(), screen).thenApply(id -> delivery.sent.add(id)));
        } else if (screen.slot() == Screen.Slot.REMOVE) {
            shown = in.tappedMessage().map(id -> api.deleteAsync(in.chatId(), id)).orElse(DONE).thenApply(deleted -> true);
        } else {
            shown = api.sendAsync(in.chatId(), screen).thenApply(id -> delivery.sent.add(id));
        }
        return shown.exceptionally(error -> {
            var e = BotApi.unwrap(error);
            if (!(e instanceof BotApiException failed)) {
                throw error instanceof CompletionException c ? c : new CompletionException(e);
            }
            if (failed.kind() == BotApiException.Kind.BLOCKED) {
                erase(chatKey, in);
                return false;
            }
            // The answer is saved; go on, so a result still goes out after a question that did not.
            log.warn("update {} chat {}: a reply was not delivered: {}", in.updateId(),
                    ChatTag.of(chatKey), failed.getMessage());
            return true;
        });
    }

    /** Edits the question in place; false when that did not work and it should be sent anew instead. */
    private CompletableFuture<Boolean> edited(long chatId, int messageId, Screen screen) {
        return api.editAsync(chatId, messageId, screen).handle((done, error) -> {
            if (error == null) {
                return true;
            }
            if (!(BotApi.unwrap(error) instanceof BotApiException e) || e.kind() == BotApiException.Kind.BLOCKED) {
                throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
            if (e.kind() != BotApiException.Kind.MESSAGE_GONE) {
                log.warn("edit failed, sending the screen anew: {}", e.getMessage());
            }
            return false;
        });
    }

    private void erase(String chatKey, Incoming in) {
        // A blocked bot can no longer delete its messages there; the rows go at once.
        dialogue.erase(chatKey);
        log.info("update {} chat {}: erased after the bot was blocked", in.updateId(), ChatTag.of(chatKey));
    }

    /** In groups the bot keeps nothing and says nothing about health: it only offers a private chat. */
    private CompletableFuture<Void> pointToPrivateChat(Incoming in) {
        var m = texts.in(texts.pick(in.languageCode()));
        if (in.callbackId().isPresent()) {
            api.answer(in.callbackId().get(), Optional.empty(), false);
        }
        if (!(in.input() instanceof Input.Typed)) {
            return DONE; // only commands get an answer: chatter in a group is none of our business
        }
        return orWarn(api.sendWithLinkAsync(in.chatId(), m.get("page.group"), m.get("button.open_private"),
                "https://t.me/" + botUsername), in, "group pointer");
    }

    private CompletableFuture<Void> apologise(Incoming in) {
        var m = texts.in(texts.pick(in.languageCode()));
        return note(in, m.get("toast.error"), true, m.get("toast.error"), "apology");
    }

    /** A short note outside the check: a pop-up on a tap, a page in a private chat, nothing in a group. */
    private CompletableFuture<Void> note(Incoming in, String toast, boolean alert, String page, String what) {
        if (in.callbackId().isPresent()) {
            api.answer(in.callbackId().get(), Optional.of(toast), alert);
            return DONE;
        }
        if (!in.privateChat()) {
            return DONE;
        }
        return orWarn(api.sendAsync(in.chatId(), new Screen(page, List.of(), Screen.Slot.PAGE)), in, what);
    }

    /** A message that may fail without harm: a warning, and the chat goes on. */
    private static CompletableFuture<Void> orWarn(CompletableFuture<?> sending, Incoming in, String what) {
        return sending.handle((sent, error) -> {
            if (error != null) {
                log.warn("update {}: {} not sent: {}", in.updateId(), what, BotApi.unwrap(error).getMessage());
            }
            return null;
        });
    }
}
