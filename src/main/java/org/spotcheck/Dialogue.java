package org.spotcheck;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spotcheck.check.Conversation;
import org.spotcheck.check.Input;
import org.spotcheck.check.Reply;
import org.spotcheck.store.ChatState;
import org.spotcheck.store.ChatStore;
import org.spotcheck.store.Database;
import org.spotcheck.text.Renderer;
import org.spotcheck.text.Screen;
import org.spotcheck.text.Texts;
import org.spotcheck.text.Toast;

/**
 * One turn of a chat, shared by Telegram and the console: load the chat's state, run the
 * conversation, save, and render what to show. All of it is one transaction, and none of it
 * touches the network.
 */
public final class Dialogue {

    /** Extra work that must commit together with the turn (e.g. marking an update handled). */
    @FunctionalInterface
    public interface AlsoInTransaction {
        void run(Connection connection) throws SQLException;
    }

    /**
     * @param state           the chat's state after the turn
     * @param screens         messages to show, in order
     * @param popUp           text answering a tap, if any
     * @param erased          the chat's data was erased (/forget confirmed)
     * @param deletable       the bot's messages to delete after an erase (under 48 hours old)
     */
    public record Outcome(ChatState state, List<Screen> screens, Optional<Toast> popUp,
                          boolean erased, List<Integer> deletable) {
    }

    private final Database database;
    private final ChatStore chats;
    private final Texts texts;
    private final Clock clock;

    public Dialogue(Database database, ChatStore chats, Texts texts, Clock clock) {
        this.database = database;
        this.chats = chats;
        this.texts = texts;
        this.clock = clock;
    }

    public Outcome take(String chatKey, Input input, String languageCode) {
        return take(chatKey, input, languageCode, c -> { });
    }

    public Outcome take(String chatKey, Input input, String languageCode, AlsoInTransaction also) {
        return database.inTransaction(c -> {
            var now = clock.instant();
            var stored = chats.load(c, chatKey);
            var before = stored.orElseGet(() -> ChatState.fresh(texts.pick(languageCode)));
            var turn = Conversation.handle(before.check(), input);
            ChatState after;
            List<Integer> deletable = List.of();
            if (turn.erase()) {
                deletable = chats.forget(c, chatKey, now);
                after = ChatState.fresh(before.language());
            } else {
                after = before.withCheck(turn.check());
                if (stored.isEmpty() || !after.equals(before)) {
                    chats.save(c, chatKey, after, now);
                }
            }
            also.run(c);
            var messages = texts.in(after.language());
            var screens = new ArrayList<Screen>();
            Optional<Toast> popUp = Optional.empty();
            for (Reply reply : turn.replies()) {
                if (reply instanceof Reply.PopUp p) {
                    popUp = Optional.of(Renderer.popUp(p, messages));
                } else {
                    screens.addAll(Renderer.render(reply, messages));
                }
            }
            return new Outcome(after, screens, popUp, turn.erase(), deletable);
        });
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

    /** Erases everything kept for the chat; returns the bot's messages still young enough to delete. */
    public List<Integer> erase(String chatKey) {
        return database.inTransaction(c -> chats.forget(c, chatKey, clock.instant()));
    }
}
