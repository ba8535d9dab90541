package org.spotcheck.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.spotcheck.check.Context;
import org.spotcheck.check.Conversation;
import org.spotcheck.check.Effect;
import org.spotcheck.check.Input;
import org.spotcheck.check.PendingReminder;
import org.spotcheck.check.Reply;
import org.spotcheck.store.ChatState;
import org.spotcheck.store.ChatStore;
import org.spotcheck.store.Counters;
import org.spotcheck.store.Database;
import org.spotcheck.store.EpisodeStore;
import org.spotcheck.store.Inbox;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Retention;
import org.spotcheck.store.Usage;
import org.spotcheck.text.Renderer;
import org.spotcheck.text.Screen;
import org.spotcheck.text.Texts;
import org.spotcheck.text.Toast;

/**
 * One turn of a chat, shared by Telegram and the console: load the chat's state, run the
 * conversation, store the outcome, and render what to show. All of it is one transaction, and
 * none of it touches the network.
 */
public final class Dialogue {

    /**
     * @param state     the chat's state after the turn
     * @param screens   messages to show, in order
     * @param popUp     text answering a tap, if any
     * @param erased    the chat's data was erased (/forget confirmed)
     * @param deletable the bot's messages to delete after an erase (under 48 hours old)
     */
    public record Outcome(ChatState state, List<Screen> screens, Optional<Toast> popUp,
                          boolean erased, List<Integer> deletable) {
    }

    private final Database database;
    private final ChatStore chats = new ChatStore();
    private final ReminderStore reminders;
    private final EpisodeStore episodes = new EpisodeStore();
    private final Counters counters = new Counters();
    private final Texts texts;
    private final Clock clock;
    private final List<Duration> reminderDelays;
    /** Check ids are drawn, not counted, so nothing kept says how many checks a chat has done. */
    private final SecureRandom random = new SecureRandom();

    public Dialogue(Database database, ReminderStore reminders, Texts texts, Clock clock, List<Duration> reminderDelays) {
        this.database = database;
        this.reminders = reminders;
        this.texts = texts;
        this.clock = clock;
        this.reminderDelays = List.copyOf(reminderDelays);
    }

    /**
     * A turn of a chat that cannot receive reminders (the console). The demo's checks are not counted
     * in the operator's figures: they are not people using the bot.
     */
    public Outcome take(String chatKey, Input input, String languageCode) {
        return take(chatKey, OptionalLong.empty(), input, languageCode, OptionalInt.empty(), false);
    }

    /**
     * A turn of a chat on Telegram, counted in the operator's figures in the same transaction.
     *
     * @param chatId   where reminders are to be sent; kept only sealed, and only when one is asked for
     * @param updateId the received update this turn handles: it leaves the inbox in the turn's
     *                 transaction, so it is applied once, however the process stops
     */
    public Outcome take(String chatKey, OptionalLong chatId, Input input, String languageCode, OptionalInt updateId) {
        return take(chatKey, chatId, input, languageCode, updateId, true);
    }

    private Outcome take(String chatKey, OptionalLong chatId, Input input, String languageCode, OptionalInt updateId,
                         boolean counted) {
        var taken = database.inTransaction(c -> {
            var now = clock.instant();
            var stored = chats.load(c, chatKey);
            var before = stored.orElseGet(() -> ChatState.fresh(texts.pick(languageCode)));
            var today = now.atZone(ZoneOffset.UTC).toLocalDate();
            var remembered = Conversation.startsACheck(input)
                    ? episodes.recall(c, chatKey, today.minusDays(Retention.REMEMBERED_CHECK.toDays()))
                    : Optional.<java.time.LocalDate>empty();
            var context = new Context(reminderDelays, remembered, random.nextInt(1, Integer.MAX_VALUE),
                    texts.screeningStartAge(before.language())); // the deployment's local services file sets it
            var turn = Conversation.handle(before.check(), input, context);
            ChatState after = before.withCheck(turn.check());
            List<Integer> deletable = List.of();
            for (Effect effect : turn.effects()) {
                if (effect instanceof Effect.Erase) {
                    deletable = chats.forget(c, chatKey, now);
                    after = ChatState.fresh(before.language());
                } else if (effect instanceof Effect.Remind remind) {
                    long to = chatId.orElseThrow(() -> new IllegalStateException("this chat cannot get reminders"));
                    reminders.schedule(c, chatKey, to, remind.kind(), after.language(), now, remind.after());
                } else if (effect instanceof Effect.CancelReminder cancel) {
                    reminders.cancel(c, chatKey, cancel.reminderId());
                } else if (effect instanceof Effect.Remember remember) {
                    episodes.remember(c, chatKey, today, remember.urgency());
                } else if (effect instanceof Effect.SetLanguage set && texts.speaks(set.language())) {
                    after = after.withLanguage(set.language());
                }
            }
            // The consent page leaves no trace: not even a first row for a chat never seen before.
            if (!turn.erase() && !turn.leavesNoTrace() && (stored.isEmpty() || !after.equals(before))) {
                chats.save(c, chatKey, after, now);
            }
            if (updateId.isPresent()) {
                Inbox.done(c, updateId.getAsInt());
            }
            if (counted) {
                counters.count(c, today, Usage.of(before.check(), turn, after.language()));
            }
            // Read now, shown after the commit: the text is rendered without holding the one writer.
            var pending = turn.replies().stream().anyMatch(Reply.ListReminders.class::isInstance)
                    ? reminders.pending(c, chatKey) : List.<PendingReminder>of();
            return new Taken(after, turn.replies(), pending, turn.erase(), deletable, now);
        });
        if (taken.erased()) {
            database.checkpoint(); // no copy of the erased rows stays in the -wal file
        }
        var shown = render(taken.replies(), taken.state(), taken.pending(), taken.now());
        return new Outcome(taken.state(), shown.screens(), shown.popUp(), taken.erased(), taken.deletable());
    }

    /** What a turn's transaction leaves for rendering. */
    private record Taken(ChatState state, List<Reply> replies, List<PendingReminder> pending, boolean erased,
                         List<Integer> deletable, Instant now) {
    }

    private Rendered render(List<Reply> replies, ChatState state, List<PendingReminder> pending, Instant now) {
        var messages = texts.in(state.language());
        var screens = new ArrayList<Screen>();
        Optional<Toast> popUp = Optional.empty();
        for (Reply reply : replies) {
            if (reply instanceof Reply.PopUp p) {
                popUp = Optional.of(Renderer.popUp(p, messages));
            } else if (reply instanceof Reply.ChooseLanguage) {
                screens.add(Renderer.languages(texts, messages));
            } else if (reply instanceof Reply.ListReminders) {
                screens.add(Renderer.reminders(pending, now, messages));
            } else {
                screens.addAll(Renderer.render(reply, messages));
            }
        }
        return new Rendered(screens, popUp);
    }

    private record Rendered(List<Screen> screens, Optional<Toast> popUp) {
    }

    /**
     * Notes what was delivered: the bot's new messages (so /forget can delete them later) and,
     * when the question moved to a new message, that message (so the next taps edit it).
     */
    public void delivered(String chatKey, List<Integer> sentMessageIds, Optional<Integer> questionMessageId) {
        if (sentMessageIds.isEmpty() && questionMessageId.isEmpty()) {
            return;
        }
        database.inTransaction(c -> {
            var now = clock.instant();
            var state = chats.load(c, chatKey);
            if (state.isEmpty()) {
                return null; // erased meanwhile: keep nothing
            }
            for (int id : sentMessageIds) {
                chats.recordSent(c, chatKey, id, now);
            }
            if (questionMessageId.isPresent()) {
                chats.save(c, chatKey, state.get().withQuestionMessage(questionMessageId), now);
            }
            return null;
        });
    }

    /** The console's --lang: the chat reads this language from now on, whatever it read before. */
    public void useLanguage(String chatKey, String language) {
        database.inTransaction(c -> {
            var state = chats.load(c, chatKey);
            if (state.isPresent() && texts.speaks(language)) {
                chats.save(c, chatKey, state.get().withLanguage(language), clock.instant());
            }
            return null;
        });
    }

    /** Erases everything kept for the chat; returns the bot's messages still young enough to delete. */
    public List<Integer> erase(String chatKey) {
        var deletable = database.inTransaction(c -> chats.forget(c, chatKey, clock.instant()));
        database.checkpoint();
        return deletable;
    }
}
