package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spotcheck.check.Answer.AGE_25_39;
import static org.spotcheck.check.Answer.BETWEEN_NO;
import static org.spotcheck.check.Answer.BIRTH_CONTROL_RECENT;
import static org.spotcheck.check.Answer.DISCHARGE_YES;
import static org.spotcheck.check.Answer.EMERGENCY_NONE;
import static org.spotcheck.check.Answer.EMERGENCY_YES;
import static org.spotcheck.check.Answer.FEW_TIMES;
import static org.spotcheck.check.Answer.SCREENING_OVERDUE;
import static org.spotcheck.check.Answer.SITUATION_NONE;
import static org.spotcheck.check.Answer.SORE_SOMETIMES;
import static org.spotcheck.check.Answer.STI_RISK_UNSURE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.check.Context;
import org.spotcheck.check.Action;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Check;
import org.spotcheck.check.Input;
import org.spotcheck.check.Question;
import org.spotcheck.check.Urgency;
import org.spotcheck.text.Texts;

class ChatStoreTest {

    private static final String TEST_SECRET = "a-test-secret-of-enough-length";
    private static final Instant NOW = Instant.parse("2025-03-14T15:09:26Z");
    private static final long PRIVATE_CHAT_ID = 987654321L;

    @TempDir
    Path dir;

    private Path dbPath;
    /** Kept apart from the data, as by default: a copy of the data folder must not carry it. */
    private Path secretFile;
    private ChatKeys keys;
    private final ChatStore store = new ChatStore();

    @BeforeEach
    void setUp() {
        dbPath = dir.resolve("spotcheck.db");
        secretFile = dir.resolve("config").resolve("secret");
        keys = new ChatKeys(Secret.of(Optional.of(TEST_SECRET), dbPath));
    }

    // ---------- surviving a restart ----------

    @Test
    void aCheckInProgressSurvivesClosingAndReopeningTheDatabase() {
        String chatKey = keys.keyFor(1001);
        var check = Check.begin(7).answer(EMERGENCY_NONE).answer(AGE_25_39).answer(SITUATION_NONE).answer(FEW_TIMES);
        var state = new ChatState(Optional.of(check), "en", Optional.of(4242));

        save(chatKey, state);
        var loaded = load(chatKey);

        assertThat(loaded).contains(state);
        var back = loaded.orElseThrow().check().orElseThrow();
        assertThat(back.id()).isEqualTo(7);
        assertThat(back.current()).contains(Question.BETWEEN_PERIODS);
        assertThat(back.answers()).containsOnly(
                entry(Question.EMERGENCY, EMERGENCY_NONE), entry(Question.AGE, AGE_25_39),
                entry(Question.SITUATION, SITUATION_NONE), entry(Question.FREQUENCY, FEW_TIMES));
        assertThat(loaded.orElseThrow().questionMessageId()).contains(4242);
        assertThat(loaded.orElseThrow().language()).isEqualTo("en");
    }

    @Test
    void aCheckThatWentBackKeepsTheAnswerOfTheQuestionOnScreenAfterReopening() {
        String chatKey = keys.keyFor(1002);
        var check = Check.begin(2).answer(EMERGENCY_NONE).answer(AGE_25_39).answer(SITUATION_NONE).back();
        var state = new ChatState(Optional.of(check), "en", Optional.empty());

        save(chatKey, state);

        var loaded = load(chatKey).orElseThrow().check().orElseThrow();
        assertThat(loaded).isEqualTo(check);
        assertThat(loaded.current()).contains(Question.SITUATION);
        assertThat(loaded.answers()).containsEntry(Question.SITUATION, SITUATION_NONE);
    }

    @Test
    void aFinishedCheckLoadsBackFinishedWithTheSameResult() {
        String chatKey = keys.keyFor(1003);
        var check = Check.begin(3).answer(EMERGENCY_NONE).answer(AGE_25_39).answer(SITUATION_NONE).answer(FEW_TIMES)
                .answer(BETWEEN_NO).answer(BIRTH_CONTROL_RECENT).answer(SORE_SOMETIMES).answer(DISCHARGE_YES)
                .answer(STI_RISK_UNSURE).answer(SCREENING_OVERDUE);
        assertThat(check.finished()).isTrue();
        var state = new ChatState(Optional.of(check), "en", Optional.of(17));

        save(chatKey, state);

        var loaded = load(chatKey).orElseThrow().check().orElseThrow();
        assertThat(loaded.finished()).isTrue();
        assertThat(loaded).isEqualTo(check);
        assertThat(loaded.result()).isEqualTo(check.result());
    }

    @Test
    void anEmergencyCheckLoadsBackFinishedWithTheEmergencyResult() {
        String chatKey = keys.keyFor(1004);
        var check = Check.begin(1).answer(EMERGENCY_YES);
        save(chatKey, new ChatState(Optional.of(check), "en", Optional.empty()));

        var loaded = load(chatKey).orElseThrow().check().orElseThrow();

        assertThat(loaded.finished()).isTrue();
        assertThat(loaded.result().urgency()).isEqualTo(Urgency.NOW);
    }

    @Test
    void aChatWithoutACheckLoadsBackWithoutACheck() {
        String chatKey = keys.keyFor(1005);
        var state = ChatState.fresh("en");

        save(chatKey, state);

        assertThat(load(chatKey)).contains(state);
    }

    @Test
    void anUnknownChatLoadsAsNothing() {
        assertThat(load(keys.keyFor(1006))).isEmpty();
    }

    // ---------- forgetting ----------

    @Test
    void forgetLeavesNoRowForThatChatInAnyTableAndKeepsOtherChats() throws Exception {
        String forgotten = keys.keyFor(2001);
        String kept = keys.keyFor(2002);
        try (var db = Database.open(dbPath)) {
            db.inTransaction(c -> {
                for (String chatKey : List.of(forgotten, kept)) {
                    var check = Check.begin(1).answer(EMERGENCY_NONE).answer(AGE_25_39).answer(SITUATION_NONE);
                    store.save(c, chatKey, new ChatState(Optional.of(check), "en", Optional.of(5)), NOW);
                    store.recordSent(c, chatKey, 5, NOW);
                    store.recordSent(c, chatKey, 6, NOW);
                }
                return null;
            });
            List<String> tables = db.inTransaction(ChatStoreTest::tablesWithChatKey);
            assertThat(tables).contains("chat", "bot_message");
            List<Integer> keptBefore = db.inTransaction(c -> rowCounts(c, tables, kept));

            db.inTransaction(c -> store.forget(c, forgotten, NOW));

            List<Integer> forgottenAfter = db.inTransaction(c -> rowCounts(c, tables, forgotten));
            List<Integer> keptAfter = db.inTransaction(c -> rowCounts(c, tables, kept));
            assertThat(forgottenAfter).as("rows left per table " + tables).containsOnly(0);
            assertThat(keptAfter).as("rows of the other chat per table " + tables).isEqualTo(keptBefore);
            assertThat(keptBefore).anyMatch(n -> n > 0);
        }
    }

    @Test
    void forgetReturnsTheBotMessagesUnder48HoursOldAndNoneOlderThan49NewestFirst() {
        // Times are kept to the hour, rounded up: /forget may try one that is up to an hour too old.
        String chatKey = keys.keyFor(2003);
        List<Integer> deletable;
        try (var db = Database.open(dbPath)) {
            db.inTransaction(c -> {
                store.save(c, chatKey, ChatState.fresh("en"), NOW);
                store.recordSent(c, chatKey, 10, NOW.minus(Duration.ofHours(72)));
                store.recordSent(c, chatKey, 11, NOW.minus(Duration.ofHours(49).plusMinutes(1)));
                store.recordSent(c, chatKey, 13, NOW.minus(Duration.ofHours(47)).minusSeconds(59 * 60));
                store.recordSent(c, chatKey, 14, NOW.minus(Duration.ofMinutes(1)));
                store.recordSent(c, chatKey, 15, NOW);
                return null;
            });
            deletable = db.inTransaction(c -> store.forget(c, chatKey, NOW));
        }

        assertThat(deletable).containsExactly(15, 14, 13);
    }

    @Test
    void forgetOfAnotherChatReturnsNoneOfThisChatsMessages() {
        String mine = keys.keyFor(2004);
        String theirs = keys.keyFor(2005);
        List<Integer> deletable;
        try (var db = Database.open(dbPath)) {
            db.inTransaction(c -> {
                store.recordSent(c, mine, 1, NOW);
                store.recordSent(c, theirs, 2, NOW);
                return null;
            });
            deletable = db.inTransaction(c -> store.forget(c, theirs, NOW));
        }

        assertThat(deletable).containsExactly(2);
    }

    // ---------- privacy of the file ----------

    @Test
    void theDatabaseFileNeverHoldsTheChatIdOrTheNameOfThePerson() throws IOException {
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        String chatKey = keys.keyFor(PRIVATE_CHAT_ID);
        try (var db = Database.open(dbPath)) {
            var dialogue = new Dialogue(db, new ReminderStore(new Sealer(Secret.of(Optional.of(TEST_SECRET), dbPath))),
                    Texts.load(), clock, Context.DEFAULT_DELAYS);
            var outcome = dialogue.take(chatKey, new Input.Tap(new Action.Begin()), "en");
            dialogue.delivered(chatKey, List.of(101), Optional.of(101));
            int messageId = 102;
            while (!outcome.state().check().orElseThrow().finished()) {
                var check = outcome.state().check().orElseThrow();
                var question = check.current().orElseThrow();
                // The last answer of each question, so the check runs through all ten (not the emergency).
                Answer answer = question == Question.EMERGENCY ? EMERGENCY_NONE
                        : check.choices(question).get(check.choices(question).size() - 1);
                outcome = dialogue.take(chatKey, new Input.Tap(new Action.Choose(check.id(), question, answer)), "en");
                dialogue.delivered(chatKey, List.of(messageId++), Optional.empty());
            }
            assertThat(outcome.state().check().orElseThrow().answers()).hasSize(Question.values().length);
        }

        byte[] stored = databaseFilesBytes();
        assertThat(contains(stored, chatKey.getBytes(StandardCharsets.US_ASCII)))
                .as("the chat's row is in the bytes read").isTrue();
        assertThat(contains(stored, "987654321".getBytes(StandardCharsets.US_ASCII)))
                .as("chat id as decimal text").isFalse();
        assertThat(contains(stored, "987654321".getBytes(StandardCharsets.UTF_16LE)))
                .as("chat id as UTF-16 text").isFalse();
        assertThat(contains(stored, longBytes(PRIVATE_CHAT_ID, ByteOrder.BIG_ENDIAN)))
                .as("chat id as 8-byte big-endian").isFalse();
        assertThat(contains(stored, longBytes(PRIVATE_CHAT_ID, ByteOrder.LITTLE_ENDIAN)))
                .as("chat id as 8-byte little-endian").isFalse();
        // SQLite writes an integer that fits in 4 bytes as a 4-byte big-endian value.
        assertThat(contains(stored, ByteBuffer.allocate(4).putInt((int) PRIVATE_CHAT_ID).array()))
                .as("chat id as SQLite's 4-byte integer").isFalse();
        assertThat(contains(stored, "Alice".getBytes(StandardCharsets.US_ASCII))).as("first name").isFalse();
        assertThat(contains(stored, "alice_test".getBytes(StandardCharsets.US_ASCII))).as("username").isFalse();
    }

    @Test
    void theDatabaseFileIsOwnerOnly() throws IOException {
        try (var db = Database.open(dbPath)) {
            db.inTransaction(c -> {
                store.save(c, keys.keyFor(3001), ChatState.fresh("en"), NOW);
                return null;
            });
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dbPath))).isEqualTo("rw-------");
    }

    @Test
    void theWriteAheadLogOfAnOpenDatabaseIsOwnerOnly() throws IOException {
        try (var db = Database.open(dbPath)) {
            db.inTransaction(c -> {
                store.save(c, keys.keyFor(3002), ChatState.fresh("en"), NOW);
                return null;
            });
            var companions = new ArrayList<Path>();
            for (String suffix : List.of("-wal", "-shm", "-journal")) {
                Path companion = dir.resolve(dbPath.getFileName() + suffix);
                if (Files.exists(companion)) {
                    companions.add(companion);
                }
            }
            assertThat(companions).isNotEmpty();
            for (Path companion : companions) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(companion)))
                        .as(companion.getFileName().toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void anExistingDatabaseFileIsTightenedToOwnerOnlyWhenOpened() throws IOException {
        Files.createFile(dbPath, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.setPosixFilePermissions(dbPath, PosixFilePermissions.fromString("rw-r--r--"));

        Database.open(dbPath).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dbPath))).isEqualTo("rw-------");
    }

    @Test
    void theGeneratedSecretFileIsOwnerOnly() throws IOException {
        Secret.of(Optional.empty(), secretFile);

        assertThat(secretFile).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");
    }

    @Test
    void theGeneratedSecretFileIsReusedSoAChatKeepsItsKey() throws IOException {
        var first = new ChatKeys(Secret.of(Optional.empty(), secretFile)).keyFor(PRIVATE_CHAT_ID);
        String written = Files.readString(secretFile);

        var second = new ChatKeys(Secret.of(Optional.empty(), secretFile)).keyFor(PRIVATE_CHAT_ID);

        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(secretFile)).isEqualTo(written);
    }

    @Test
    void anEmptySecretFileIsRefusedAsDamaged() throws IOException {
        // What a crash between creating the file and writing it leaves behind.
        Files.createDirectories(secretFile.getParent());
        Files.createFile(secretFile);

        assertThatThrownBy(() -> new ChatKeys(Secret.of(Optional.empty(), secretFile)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("the secret file").hasMessageContaining(secretFile.toString());
    }

    @Test
    void aConfiguredSecretWritesNoSecretFile() {
        Secret.of(Optional.of(TEST_SECRET), dbPath);

        assertThat(secretFile).doesNotExist();
    }

    @Test
    void aSecretDoesNotShowItsValueWhenPrinted() {
        assertThat(Secret.of(Optional.of(TEST_SECRET), dbPath).toString()).doesNotContain(TEST_SECRET);
    }

    // ---------- chat keys ----------

    @Test
    void aChatKeyIsStableForTheSameSecretAndChatId() {
        var again = new ChatKeys(Secret.of(Optional.of(TEST_SECRET), dbPath));

        assertThat(again.keyFor(PRIVATE_CHAT_ID)).isEqualTo(keys.keyFor(PRIVATE_CHAT_ID));
        assertThat(keys.keyFor(PRIVATE_CHAT_ID)).isEqualTo(keys.keyFor(PRIVATE_CHAT_ID));
    }

    @Test
    void chatKeysDifferBetweenChatIds() {
        assertThat(keys.keyFor(PRIVATE_CHAT_ID)).isNotEqualTo(keys.keyFor(PRIVATE_CHAT_ID + 1));
        assertThat(keys.keyFor(1)).isNotEqualTo(keys.keyFor(-1));
    }

    @Test
    void chatKeysDifferBetweenSecrets() {
        var other = new ChatKeys(Secret.of(Optional.of("another-test-secret-of-enough-length"), dbPath));

        assertThat(other.keyFor(PRIVATE_CHAT_ID)).isNotEqualTo(keys.keyFor(PRIVATE_CHAT_ID));
    }

    @Test
    void aChatKeyIs64HexCharactersWithoutTheChatId() {
        for (long chatId : List.of(PRIVATE_CHAT_ID, -1001234567890L, 0L, Long.MAX_VALUE)) {
            String key = keys.keyFor(chatId);
            assertThat(key).matches("[0-9a-f]{64}");
            if (chatId != 0) {
                assertThat(key).doesNotContain(Long.toString(chatId)).doesNotContain(Long.toString(Math.abs(chatId)));
            }
        }
    }


    // ---------- schema ----------

    @Test
    void sqlitesTemporaryFilesAreKeptInMemoryNeverOnDisk() {
        try (var db = Database.open(dbPath)) {
            int store = db.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA temp_store")) {
                    return rs.getInt(1);
                }
            });
            assertThat(store).as("PRAGMA temp_store: 2 is MEMORY").isEqualTo(2);
        }
    }

    @Test
    void theSchemaIsMigratedOnceAndReopeningDoesNotFail() throws Exception {
        Database.open(dbPath).close();

        try (var db = Database.open(dbPath)) {
            int version = db.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
                    return rs.getInt(1);
                }
            });
            assertThat(version).isEqualTo(migrationCount()).isPositive();
        }
    }

    @Test
    void dataSavedBeforeAReopenIsStillThereAfterTheSecondMigrationCheck() {
        String chatKey = keys.keyFor(4001);
        save(chatKey, ChatState.fresh("en"));

        Database.open(dbPath).close();

        assertThat(load(chatKey)).contains(ChatState.fresh("en"));
    }

    // ---------- helpers ----------

    private void save(String chatKey, ChatState state) {
        try (var db = Database.open(dbPath)) {
            db.inTransaction(c -> {
                store.save(c, chatKey, state, NOW);
                return null;
            });
        }
    }

    private Optional<ChatState> load(String chatKey) {
        try (var db = Database.open(dbPath)) {
            return db.inTransaction(c -> store.load(c, chatKey));
        }
    }

    private static java.util.Map.Entry<Question, Answer> entry(Question question, Answer answer) {
        return java.util.Map.entry(question, answer);
    }

    private static List<String> tablesWithChatKey(Connection c) throws SQLException {
        var tables = new ArrayList<String>();
        try (var s = c.createStatement();
             var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        var withKey = new ArrayList<String>();
        for (String table : tables) {
            try (var s = c.createStatement();
                 var rs = s.executeQuery("PRAGMA table_info(\"" + table.replace("\"", "\"\"") + "\")")) {
                while (rs.next()) {
                    if ("chat_key".equalsIgnoreCase(rs.getString("name"))) {
                        withKey.add(table);
                    }
                }
            }
        }
        return withKey;
    }

    private static List<Integer> rowCounts(Connection c, List<String> tables, String chatKey) throws SQLException {
        var counts = new ArrayList<Integer>();
        for (String table : tables) {
            try (var s = c.prepareStatement(
                    "SELECT count(*) FROM \"" + table.replace("\"", "\"\"") + "\" WHERE chat_key = ?")) {
                s.setString(1, chatKey);
                try (var rs = s.executeQuery()) {
                    counts.add(rs.getInt(1));
                }
            }
        }
        return counts;
    }

    /** The database file and whatever SQLite keeps beside it (-wal, -shm, -journal). */
    private byte[] databaseFilesBytes() throws IOException {
        var out = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("spotcheck.db")
                    && !f.equals(secretFile)).sorted().toList()) {
                out.write(Files.readAllBytes(file));
            }
        }
        return out.toByteArray();
    }

    private static byte[] longBytes(long value, ByteOrder order) {
        return ByteBuffer.allocate(8).order(order).putLong(value).array();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int migrationCount() throws IOException, URISyntaxException {
        var folder = Database.class.getResource("/db/");
        assertThat(folder).as("the db/ migrations on the class path").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("\\d{3}_.*\\.sql")).count();
        }
    }
}
