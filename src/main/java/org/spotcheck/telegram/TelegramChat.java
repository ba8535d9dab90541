package org.spotcheck.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.Dialogue;
import org.spotcheck.check.Check;
import org.spotcheck.check.Input;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Inbox;
import org.spotcheck.text.Html;
import org.spotcheck.text.Screen;
import org.spotcheck.text.Texts;

/**
 * Handles one incoming update of one chat: runs the dialogue, answers the tap, then shows the
 * screens — the question by editing its message in place, everything else as new messages.
 * The network is touched only after the turn is committed, so a failed send never loses an answer:
 * the next tap shows the current question again.
 */
public final class TelegramChat {

    private static final Logger log = LoggerFactory.getLogger(TelegramChat.class);

    private final Dialogue dialogue;
    private final ChatKeys chatKeys;
    private final BotApi api;
    private final Texts texts;
    private final Inbox inbox;
    private final String botUsername;
    private final Redactor redactor;

    public TelegramChat(Dialogue dialogue, ChatKeys chatKeys, BotApi api, Texts texts, Inbox inbox,
                        String botUsername, Redactor redactor) {
        this.dialogue = dialogue;
        this.chatKeys = chatKeys;
        this.api = api;
        this.texts = texts;
        this.inbox = inbox;
        this.botUsername = botUsername;
        this.redactor = redactor;
    }

    /** Never throws: one update's failure must not stop the poller or touch another chat. */
    public void handle(Incoming in) {
        try {
            if (!in.privateChat()) {
                pointToPrivateChat(in);
            } else if (in.blocked()) {
                erase(chatKeys.keyFor(in.chatId()), in);
            } else {
                converse(chatKeys.keyFor(in.chatId()), in);
            }
        } catch (RuntimeException e) {
            log.error("update {} failed: {}", in.updateId(), redactor.describe(e));
            apologise(in);
            // Handled, badly: replaying an update that fails every time would fail every start.
            markDone(in);
        }
    }

    /** The chat sends faster than anyone taps: answer briefly, keep nothing, change nothing. */
    public void slowDown(Incoming in) {
        try {
            var m = texts.in(texts.pick(in.languageCode()));
            if (in.callbackId().isPresent()) {
                api.answer(in.callbackId().get(), Optional.of(Html.toPlain(m.get("toast.slow_down"))), false);
            } else if (in.privateChat()) {
                api.send(in.chatId(), new Screen(m.get("page.slow_down"), List.of(), Screen.Slot.PAGE));
            }
        } catch (BotApiException | RuntimeException e) {
            log.warn("update {}: slow-down note not sent: {}", in.updateId(), redactor.describe(e));
        } finally {
            markDone(in);
        }
    }

    private void markDone(Incoming in) {
        try {
            inbox.done(in.updateId());
        } catch (RuntimeException e) {
            log.error("update {}: not marked handled: {}", in.updateId(), redactor.describe(e));
        }
    }

    private void converse(String chatKey, Incoming in) {
        var outcome = dialogue.take(chatKey, OptionalLong.of(in.chatId()), in.input(), in.languageCode(),
                c -> inbox.done(c, in.updateId()));
        log.debug("update {} chat {}: applied", in.updateId(), ChatKeys.shortForm(chatKey));
        in.callbackId().ifPresent(id -> api.answerSoon(id, outcome.popUp().map(t -> t.text()),
                outcome.popUp().map(t -> t.alert()).orElse(false)));
        if (outcome.erased()) {
            outcome.deletable().forEach(messageId -> api.delete(in.chatId(), messageId));
        }
        var sent = new ArrayList<Integer>();
        Optional<Integer> movedQuestion = Optional.empty();
        var questionMessage = outcome.state().questionMessageId();
        boolean finished = outcome.state().check().map(Check::finished).orElse(true);
        for (Screen screen : outcome.screens()) {
            try {
                if (screen.slot() == Screen.Slot.QUESTION) {
                    boolean tappedHere = questionMessage.isPresent() && in.tappedMessage().equals(questionMessage);
                    if (tappedHere && edited(in.chatId(), questionMessage.get(), screen)) {
                        continue;
                    }
                    if (finished) {
                        continue; // the "finished" line only replaces buttons; it is not news on its own
                    }
                    int id = api.send(in.chatId(), screen);
                    sent.add(id);
                    questionMessage.filter(old -> old != id).ifPresent(old -> api.delete(in.chatId(), old));
                    questionMessage = Optional.of(id);
                    movedQuestion = questionMessage;
                } else {
                    sent.add(api.send(in.chatId(), screen));
                }
            } catch (BotApiException e) {
                if (e.kind() == BotApiException.Kind.BLOCKED) {
                    erase(chatKey, in);
                    return;
                }
                // The answer is saved; go on, so a result still goes out after a question that did not.
                log.warn("update {} chat {}: a reply was not delivered: {}", in.updateId(),
                        ChatKeys.shortForm(chatKey), e.getMessage());
            }
        }
        if (!outcome.erased()) {
            dialogue.delivered(chatKey, sent, movedQuestion);
        }
    }

    /** Edits the question in place; false when that did not work and it should be sent anew instead. */
    private boolean edited(long chatId, int messageId, Screen screen) throws BotApiException {
        try {
            api.edit(chatId, messageId, screen);
            return true;
        } catch (BotApiException e) {
            if (e.kind() == BotApiException.Kind.BLOCKED) {
                throw e;
            }
            if (e.kind() != BotApiException.Kind.MESSAGE_GONE) {
                log.warn("edit failed, sending the screen anew: {}", e.getMessage());
            }
            return false;
        }
    }

    private void erase(String chatKey, Incoming in) {
        // A blocked bot can no longer delete its messages there; the rows go at once.
        dialogue.erase(chatKey);
        log.info("update {} chat {}: erased after the bot was blocked", in.updateId(), ChatKeys.shortForm(chatKey));
    }

    /** In groups the bot keeps nothing and says nothing about health: it only offers a private chat. */
    private void pointToPrivateChat(Incoming in) {
        var m = texts.in(texts.pick(in.languageCode()));
        if (in.callbackId().isPresent()) {
            api.answer(in.callbackId().get(), Optional.empty(), false);
        }
        if (!(in.input() instanceof Input.Typed)) {
            return; // only commands get an answer: chatter in a group is none of our business
        }
        try {
            api.sendWithLink(in.chatId(), m.get("page.group"), m.get("button.open_private"),
                    "https://t.me/" + botUsername);
        } catch (BotApiException e) {
            log.warn("update {}: group pointer not sent: {}", in.updateId(), e.getMessage());
        }
    }

    private void apologise(Incoming in) {
        var m = texts.in(texts.pick(in.languageCode()));
        try {
            if (in.callbackId().isPresent()) {
                api.answer(in.callbackId().get(), Optional.of(m.get("toast.error")), true);
            } else if (in.privateChat()) {
                api.send(in.chatId(), new Screen(m.get("toast.error"), List.of(), Screen.Slot.PAGE));
            }
        } catch (BotApiException | RuntimeException e) {
            log.warn("update {}: apology not sent: {}", in.updateId(), redactor.describe(e));
        }
    }
}
