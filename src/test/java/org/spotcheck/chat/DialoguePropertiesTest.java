package org.spotcheck.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.spotcheck.check.Action;
import org.spotcheck.check.Check;
import org.spotcheck.check.Context;
import org.spotcheck.check.Conversation;
import org.spotcheck.check.Effect;
import org.spotcheck.check.Input;
import org.spotcheck.check.InputSequences.Step;
import org.spotcheck.check.InputSequences;
import org.spotcheck.check.Reply;
import org.spotcheck.store.ChatState;
import org.spotcheck.store.ChatStore;
import org.spotcheck.store.Database;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Secret;
import org.spotcheck.text.Texts;

/**
 * The real turn (load, conversation, effects, save, render) on a real SQLite file, against the
 * pure conversation: after every turn the chat's stored check is exactly the one the pure
 * conversation gives for the same inputs, so the store round-trips every check a chat can reach.
 * The pure side keeps the one thing the store adds to the context: the day of a check the person
 * asked to remember (until an erase). One database serves the whole class (opening one per try is
 * slow); each try is a new chat.
 */
class DialoguePropertiesTest {

    private static final int TRIES = 1_000;
    private static final Instant NOW = Instant.parse("2025-03-14T15:09:26Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);
    private static final List<Duration> DELAYS = List.of(Duration.ofDays(2), Duration.ofDays(7));

    private static final Path DIR;
    private static final Database DATABASE;
    private static final ChatStore CHATS = new ChatStore();
    private static final Dialogue DIALOGUE;
    private static final AtomicLong CHAT_IDS = new AtomicLong(1_000_000);

    static {
        try {
            DIR = Files.createTempDirectory("spotcheck-dialogue-properties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = DIR.resolve("spotcheck.db");
        DATABASE = Database.open(file);
        var reminders = new ReminderStore(new Sealer(Secret.of(Optional.of("a-test-secret-of-enough-length"), file)));
        DIALOGUE = new Dialogue(DATABASE, reminders, Texts.load(), Clock.fixed(NOW, ZoneOffset.UTC), DELAYS);
    }

    @AfterContainer
    static void removeTheDatabase() throws IOException {
        DATABASE.close();
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> sequences() {
        return InputSequences.sequences(30);
    }

    @Provide
    Arbitrary<String> languageCodes() {
        return Arbitraries.of("en", "en-GB", "de", "pt-br", "", "x|y", "\u200F\u0627\u0644", "e")
                .injectNull(0.2);
    }

    @Property(tries = TRIES)
    void everyTurnStoresExactlyTheCheckThePureConversationGives(
            @ForAll("sequences") List<Step> steps, @ForAll("languageCodes") String languageCode) {
        String chatKey = newChatKey();
        OptionalLong chatId = OptionalLong.of(CHAT_IDS.incrementAndGet());
        Optional<Check> expected = Optional.empty();
        Optional<LocalDate> remembered = Optional.empty();
        var inputs = new StringBuilder();
        int messageId = 1;
        for (Step step : steps) {
            Input input = step.input(expected);
            inputs.append("\n  ").append(input);
            var storedBefore = load(chatKey);
            var outcome = DIALOGUE.take(chatKey, chatId, input, languageCode, java.util.OptionalInt.empty());
            // A new check's id is drawn at random by the Dialogue: the pure side is given the same one.
            int drawn = Conversation.startsACheck(input) ? outcome.state().check().orElseThrow().id() : 1;
            var turn = Conversation.handle(expected, input, new Context(DELAYS, remembered, drawn, Context.DEFAULT_START_AGE));
            if (Conversation.startsACheck(input)) {
                assertThat(Optional.of(drawn)).as("a new check's id").isNotEqualTo(expected.map(Check::id));
            }
            expected = turn.check();
            for (var effect : turn.effects()) {
                if (effect instanceof Effect.Remember) {
                    remembered = Optional.of(TODAY);
                } else if (effect instanceof Effect.Erase) {
                    remembered = Optional.empty();
                }
            }

            if (turn.leavesNoTrace()) {
                assertThat(load(chatKey)).as("the consent page stores nothing").isEqualTo(storedBefore);
            }
            // As after sending: note the bot's message (and, now and then, a new question message).
            if (!outcome.erased()) {
                DIALOGUE.delivered(chatKey, List.of(messageId),
                        messageId % 3 == 0 ? Optional.of(messageId) : Optional.empty());
                messageId++;
            }

            String why = "after" + inputs;
            assertThat(outcome.state().check()).as("turn's " + why).isEqualTo(expected);
            assertThat(load(chatKey).flatMap(ChatState::check)).as("stored " + why).isEqualTo(expected);
            assertThat(outcome.erased()).as(why).isEqualTo(turn.erase());
            assertThat(outcome.popUp().isPresent()).as(why)
                    .isEqualTo(turn.replies().stream().anyMatch(Reply.PopUp.class::isInstance));
        }
    }

    @Property(tries = TRIES)
    void anEraseLeavesNothingStoredForTheChat(
            @ForAll("sequences") List<Step> steps, @ForAll("languageCodes") String languageCode) {
        String chatKey = newChatKey();
        OptionalLong chatId = OptionalLong.of(CHAT_IDS.incrementAndGet());
        Optional<Check> check = Optional.empty();
        var inputs = new StringBuilder();
        boolean stored = false;
        for (Step step : steps) {
            Input input = step.input(check);
            inputs.append("\n  ").append(input);
            var outcome = DIALOGUE.take(chatKey, chatId, input, languageCode, java.util.OptionalInt.empty());
            check = outcome.state().check();
            // Only the consent page leaves no trace, not even a first row.
            boolean consent = input instanceof Input.Tap tap
                    && (tap.action() instanceof Action.ShowConsent || tap.action() instanceof Action.CloseConsent);
            stored = !outcome.erased() && (stored || !consent);
            if (!stored && !outcome.erased()) {
                assertThat(load(chatKey)).as("after" + inputs).isEmpty();
            } else if (outcome.erased()) {
                assertThat(load(chatKey)).as("after" + inputs).isEmpty();
                assertThat(check).as("after" + inputs).isEmpty();
                assertThat(rowsOf(chatKey)).as("rows left after" + inputs).isZero();
            } else {
                assertThat(load(chatKey)).as("after" + inputs).isPresent();
            }
        }
    }

    private static Optional<ChatState> load(String chatKey) {
        return DATABASE.inTransaction(c -> CHATS.load(c, chatKey));
    }

    /** Rows of the chat in every table that has a chat_key column. */
    private static long rowsOf(String chatKey) {
        return DATABASE.inTransaction(c -> {
            var tables = new ArrayList<String>();
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p"
                            + " WHERE m.type = 'table' AND p.name = 'chat_key'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            long rows = 0;
            for (String table : tables) {
                try (var s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE chat_key = ?")) {
                    s.setString(1, chatKey);
                    try (var rs = s.executeQuery()) {
                        rows += rs.getLong(1);
                    }
                }
            }
            return rows;
        });
    }

    /** A chat key shaped like the real ones (64 hex digits), new for every try. */
    private static String newChatKey() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }
}
