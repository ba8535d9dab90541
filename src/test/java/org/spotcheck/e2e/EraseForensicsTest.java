package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.MutableClock;
import org.spotcheck.check.Action;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Input;
import org.spotcheck.check.Urgency;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Database;
import org.spotcheck.store.Inbox;
import org.spotcheck.store.KeyCheck;
import org.spotcheck.store.LegacyKeys;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Retention;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Secret;
import org.spotcheck.store.SecretRotation;
import org.spotcheck.text.Texts;

/**
 * Every way a chat's rows are erased — /forget (with a reminder pending and an update still queued),
 * blocking the bot, retention, rotation — leaves nothing of the chat in any file SQLite writes (the
 * data folder, temp files included): not its chat id, not its chat key nor the key's first 8
 * characters, not a sealed blob seen before the erase, not its answers or its remembered level; and
 * every table that holds chat rows is left with the rows it should have. Searched while the database
 * is open and after it is closed.
 */
class EraseForensicsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final long[] CHATS = {5_123_456_789L, 5_987_654_321L, 6_012_345_678L};
    private static final List<String> CHAT_TABLES = List.of("chat", "bot_message", "inbox", "reminder", "episode", "legacy_key");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(MONDAY);
    private Path data;
    private Database database;
    private Secret secret;
    private ChatKeys keys;
    private Dialogue dialogue;
    private Inbox inbox;
    private int nextUpdate = 1000;

    @BeforeEach
    void open() {
        data = dir.resolve("data");
        database = Database.open(data.resolve("spotcheck.db"));
        secret = Secret.of(Optional.empty(), dir.resolve("config").resolve("secret"));
        KeyCheck.verify(database, secret);
        keys = new ChatKeys(secret);
        var sealer = new Sealer(secret);
        dialogue = new Dialogue(database, new ReminderStore(sealer), Texts.load(), clock,
                List.of(Duration.ofDays(2), Duration.ofDays(7)));
        inbox = new Inbox(database, sealer, new LegacyKeys(database, secret), clock);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void forgetWithAReminderPendingAndAnUpdateQueuedLeavesNothingOfTheChat() throws IOException {
        for (long chat : CHATS) {
            useTheBot(chat, true, true);
        }
        var needles = needles(true);

        for (long chat : CHATS) {
            take(chat, new Input.Tap(new Action.ForgetConfirm()));
        }

        assertErased(needles);
    }

    @Test
    void blockingTheBotLeavesNothingOfTheChat() throws IOException {
        for (long chat : CHATS) {
            useTheBot(chat, true, true);
        }
        var needles = needles(true);

        for (long chat : CHATS) {
            dialogue.erase(keys.keyFor(chat)); // what TelegramChat does on a 403 "blocked by the user"
        }

        assertErased(needles);
    }

    @Test
    void retentionLeavesNothingOfAChatPastItsPeriods() throws IOException {
        for (long chat : CHATS) {
            useTheBot(chat, false, true); // a reminder stays until it is sent or cancelled: not retention's
        }
        var needles = needles(true);

        clock.advance(Duration.ofDays(91));
        new Retention(database, clock).run();

        assertErased(needles);
    }

    @Test
    void rotationLeavesNothingOfTheOldKeysOrOldSealedIds() throws IOException {
        for (long chat : CHATS) {
            useTheBot(chat, chat == CHATS[0], chat == CHATS[0]); // the first is re-keyed (its id is sealed), the others erased
        }
        var needles = needles(false);
        var next = Secret.of(Optional.empty(), dir.resolve("config").resolve("secret.new"));

        var outcome = SecretRotation.rotate(database, secret, next, clock.instant());

        assertThat(outcome).isEqualTo(new SecretRotation.Outcome(1, 2));
        assertThat(found(needles)).as("while the database is open").isEmpty();
        assertThat(rows("chat")).isEqualTo(1);
        database.close();
        database = null;
        assertThat(found(needles)).as("after it is closed").isEmpty();
    }

    /** A finished, remembered check with its messages, and if asked a reminder and an update still queued. */
    private void useTheBot(long chat, boolean withReminder, boolean withQueuedUpdate) {
        var outcome = take(chat, new Input.Tap(new Action.Begin()));
        while (outcome.state().check().filter(c -> !c.finished()).isPresent()) {
            var check = outcome.state().check().get();
            var question = check.current().orElseThrow();
            var choices = check.choices(question);
            outcome = take(chat, new Input.Tap(new Action.Choose(check.id(), question, choices.get(choices.size() - 1))));
        }
        int checkId = outcome.state().check().orElseThrow().id();
        take(chat, new Input.Tap(new Action.Remember(checkId, true)));
        if (withReminder) {
            take(chat, new Input.Tap(new Action.RemindIn(Duration.ofDays(2))));
        }
        dialogue.delivered(keys.keyFor(chat), List.of(41, 42), Optional.of(41));
        if (!withQueuedUpdate) {
            return;
        }
        int update = nextUpdate++;
        inbox.accept(List.of(new Inbox.Entry(update, chat, keys.keyFor(chat), "tap", Optional.of("44100000" + chat))), update);
    }

    private Dialogue.Outcome take(long chat, Input input) {
        return dialogue.take(keys.keyFor(chat), OptionalLong.of(chat), input, "en", OptionalInt.empty());
    }

    /** What must not be found once the chats are erased, each under a name that says what it is. */
    private Map<String, byte[]> needles(boolean contents) {
        var needles = new LinkedHashMap<String, byte[]>();
        for (long chat : CHATS) {
            String key = keys.keyFor(chat);
            needles.put("chat id " + chat, Long.toString(chat).getBytes(StandardCharsets.US_ASCII));
            needles.put("chat id " + chat + " big-endian", ByteBuffer.allocate(8).putLong(chat).array());
            needles.put("chat id " + chat + " little-endian",
                    ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(chat).array());
            needles.put("chat key of " + chat, key.getBytes(StandardCharsets.US_ASCII));
            needles.put("chat key prefix of " + chat, key.substring(0, 8).getBytes(StandardCharsets.US_ASCII));
            needles.put("chat key of " + chat + " as bytes", HexFormat.of().parseHex(key));
        }
        var blobs = database.inTransaction(c -> {
            var seen = new ArrayList<byte[]>();
            for (String table : List.of("reminder", "inbox")) {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT chat_sealed FROM " + table)) {
                    while (rs.next()) {
                        seen.add(rs.getBytes(1));
                    }
                }
            }
            return seen;
        });
        assertThat(blobs).as("sealed ids seen before the erase").isNotEmpty();
        for (byte[] blob : blobs) {
            needles.put("sealed blob " + HexFormat.of().formatHex(blob, 0, 8), blob);
        }
        if (contents) { // the rows themselves: a re-keyed chat keeps its own
            for (Answer answer : Answer.values()) {
                needles.put("answer " + answer, answer.name().getBytes(StandardCharsets.US_ASCII));
            }
            for (Urgency urgency : Urgency.values()) {
                needles.put("remembered level " + urgency, urgency.name().getBytes(StandardCharsets.US_ASCII));
            }
            needles.put("remembered day", MONDAY.toString().substring(0, 10).getBytes(StandardCharsets.US_ASCII));
        }
        return needles;
    }

    private void assertErased(Map<String, byte[]> needles) throws IOException {
        assertThat(found(needles)).as("while the database is open").isEmpty();
        for (String table : CHAT_TABLES) {
            assertThat(rows(table)).as("rows left in " + table).isZero();
        }
        database.close();
        database = null;
        assertThat(found(needles)).as("after it is closed").isEmpty();
    }

    private long rows(String table) {
        return database.inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                return rs.getLong(1);
            }
        });
    }

    /**
     * The needles found in any file SQLite may have written: every file of the data folder (the
     * database, -wal, -shm, -journal, anything else) and SQLite's temp files (etilqs_*) where it puts them.
     */
    private List<String> found(Map<String, byte[]> needles) throws IOException {
        var files = new ArrayList<Path>();
        try (Stream<Path> all = Files.walk(data)) {
            all.filter(Files::isRegularFile).forEach(files::add);
        }
        for (String tmp : List.of(System.getProperty("java.io.tmpdir"), "/var/tmp", "/usr/tmp", "/tmp")) {
            Path folder = Path.of(tmp);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> temp = Files.list(folder)) {
                    temp.filter(f -> f.getFileName().toString().startsWith("etilqs_")).forEach(files::add);
                }
            }
        }
        return Needles.foundIn(files, needles);
    }
}
