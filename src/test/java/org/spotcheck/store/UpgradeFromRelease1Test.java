package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.MutableClock;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.check.Action;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Context;
import org.spotcheck.check.Input;
import org.spotcheck.check.Question;
import org.spotcheck.check.Urgency;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.telegram.CallbackData;
import org.spotcheck.text.Html;
import org.spotcheck.text.Texts;

/**
 * A database written by release 1, built one way for every test: its migrations 001–003 through
 * {@link PreviousRelease}, its generated secret file beside the database, its rows under its key
 * derivations (computed here independently of the code under test). After the upgrade its chats,
 * reminders, remembered checks and unhandled updates stay reachable and /forget still erases all;
 * a check stored the way release 1 stored it (answer names of version 1 of the rules) finishes with
 * the result this release gives, asking the questions whose meaning changed.
 */
class UpgradeFromRelease1Test {

    private static final long FINISHED = 5_123_456_789L;
    private static final long WITH_REMINDER = 5_987_654_321L;
    private static final long REMEMBERED_ONLY = 5_555_555_555L;
    /** A chat each test of a check's meaning stores as it needs. */
    private static final long CHAT = 424_242;
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    private final byte[] raw = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private Path databaseFile;
    private Database database;

    @BeforeEach
    void writeARelease1Database() throws Exception {
        databaseFile = dir.resolve("data").resolve("spotcheck.db");
        Files.createDirectories(databaseFile.getParent());
        // Release 1 generated its secret beside the database.
        Files.writeString(databaseFile.resolveSibling("spotcheck.db.secret"), HexFormat.of().formatHex(raw) + "\n");
        try (var c = PreviousRelease.RELEASE_1.create(databaseFile)) {
            long hour = NOW.minus(Duration.ofHours(3)).getEpochSecond() / 3600 * 3600;
            try (var s = c.prepareStatement("INSERT INTO chat (chat_key, language, check_id, answers, current_question,"
                    + " urgency, updated_hour) VALUES (?, 'en', 1, ?, ?, ?, ?)")) {
                s.setString(1, oldKey(FINISHED));
                s.setString(2, "EMERGENCY_YES");
                s.setString(3, null);
                s.setString(4, "NOW");
                s.setLong(5, hour);
                s.executeUpdate();
                s.setString(1, oldKey(WITH_REMINDER));
                s.setString(2, "EMERGENCY_NO");
                s.setString(3, "SITUATION");
                s.setString(4, null);
                s.executeUpdate();
            }
            try (var s = c.prepareStatement("INSERT INTO bot_message (chat_key, message_id, sent_at) VALUES (?, 7, ?)")) {
                s.setString(1, oldKey(FINISHED));
                s.setLong(2, NOW.minus(Duration.ofHours(2)).getEpochSecond());
                s.executeUpdate();
            }
            try (var s = c.prepareStatement("INSERT INTO episode (chat_key, checked_on, urgency) VALUES (?, ?, 'WATCH')")) {
                for (long chat : List.of(FINISHED, REMEMBERED_ONLY)) {
                    s.setString(1, oldKey(chat));
                    s.setString(2, LocalDate.of(2026, 11, 20).toString());
                    s.executeUpdate();
                }
            }
            try (var s = c.prepareStatement("INSERT INTO reminder (chat_key, chat_sealed, kind, language, due_at)"
                    + " VALUES (?, ?, 'DOCTOR', 'en', ?)")) {
                s.setString(1, oldKey(WITH_REMINDER));
                s.setBytes(2, oldSeal(WITH_REMINDER));
                s.setLong(3, NOW.plus(Duration.ofDays(2)).getEpochSecond());
                s.executeUpdate();
            }
            try (var s = c.prepareStatement("INSERT INTO inbox (update_id, chat_key, chat_sealed, event, received_at)"
                    + " VALUES (41, ?, ?, 'command|HELP|9876543210987654321||en', ?)")) {
                s.setString(1, oldKey(WITH_REMINDER));
                s.setBytes(2, oldSeal(WITH_REMINDER));
                s.setLong(3, NOW.getEpochSecond());
                s.executeUpdate();
            }
        }
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    /** Wired as the application does, from the settings a user of release 1 had: only SPOTCHECK_DB. */
    private Secret upgrade() {
        var settings = SettingsLoader.load(Map.of("SPOTCHECK_DB", databaseFile.toString(),
                "HOME", dir.resolve("home").toString()));
        database = Database.open(databaseFile);
        var secret = Secret.of(settings.secret(), settings.secretFile());
        KeyCheck.verify(database, secret);
        return secret;
    }

    /**
     * One more chat as release 1 stored it, under release 1's key: a check with these answer names, and
     * the level release 1 kept beside a finished one (or null).
     */
    private void release1Chat(long chatId, String answers, String current, String level) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + databaseFile); var insert = c.prepareStatement("""
                INSERT INTO chat (chat_key, language, check_id, answers, current_question, urgency,
                                  question_message_id, updated_hour, earlier_check)
                VALUES (?, 'en', 1, ?, ?, ?, 55, 1764547200, NULL)""")) {
            insert.setString(1, oldKey(chatId));
            insert.setString(2, answers);
            insert.setString(3, current);
            insert.setString(4, level);
            insert.executeUpdate();
        }
    }

    /** The upgraded bot's dialogue, and a chat's key under the upgraded bot. */
    private record Upgraded(Dialogue dialogue, String chatKey) {
    }

    /** The upgrade, then the chat's next update, which moves the chat to this release's key as the bot does. */
    private Upgraded upgradeAndHearFrom(long chatId) {
        var secret = upgrade();
        var keys = new ChatKeys(secret);
        new Inbox(database, new Sealer(secret), new LegacyKeys(database, secret), clock)
                .accept(List.of(entry(2001, chatId, keys)), 2001);
        var dialogue = new Dialogue(database, new ReminderStore(new Sealer(secret)), Texts.load(),
                new MutableClock(Instant.parse("2026-12-01T10:00:00Z")), Context.DEFAULT_DELAYS);
        return new Upgraded(dialogue, keys.keyFor(chatId));
    }

    @Test
    void theRelease1SecretFileIsFoundAndItsChatsRemindersAndUpdatesStayReachable() {
        var secret = upgrade();
        var keys = new ChatKeys(secret);
        var reminders = new ReminderStore(new Sealer(secret));

        var pending = database.inTransaction(c -> reminders.pending(c, keys.keyFor(WITH_REMINDER)));
        var due = database.inTransaction(c -> reminders.claimDue(c, NOW.plus(Duration.ofDays(3)), 10));
        var inbox = new Inbox(database, new Sealer(secret), new LegacyKeys(database, secret), clock).pending();

        assertThat(pending).hasSize(1);
        assertThat(due).extracting(ReminderStore.Due::chatId).containsExactly(Optional.of(WITH_REMINDER));
        assertThat(inbox).extracting(Inbox.Entry::chatId, Inbox.Entry::chatKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WITH_REMINDER, keys.keyFor(WITH_REMINDER)));
        Optional<ChatState> chat = database.inTransaction(c -> new ChatStore().load(c, keys.keyFor(WITH_REMINDER)));
        assertThat(chat).isPresent();
    }

    @Test
    void aChatWithoutAReminderIsReKeyedWhenItIsNextSeenAndKeepsItsCheckAndRememberedDay() {
        var secret = upgrade();
        var keys = new ChatKeys(secret);
        var inbox = new Inbox(database, new Sealer(secret), new LegacyKeys(database, secret), clock);

        inbox.accept(List.of(entry(1001, FINISHED, keys), entry(1002, REMEMBERED_ONLY, keys)), 1002);

        var finished = database.inTransaction(c -> new ChatStore().load(c, keys.keyFor(FINISHED))).orElseThrow();
        assertThat(finished.check().orElseThrow().finished()).isTrue();
        Optional<LocalDate> remembered = database.inTransaction(c -> new EpisodeStore().recall(c,
                keys.keyFor(REMEMBERED_ONLY), LocalDate.of(2026, 1, 1)));
        assertThat(remembered).contains(LocalDate.of(2026, 11, 20));
    }

    @Test
    void forgetOfAnUpgradedChatErasesEveryRowAndOffersItsMessageForDeletion() {
        var secret = upgrade();
        var keys = new ChatKeys(secret);
        new Inbox(database, new Sealer(secret), new LegacyKeys(database, secret), clock)
                .accept(List.of(entry(1001, FINISHED, keys)), 1001);
        var dialogue = new Dialogue(database, new ReminderStore(new Sealer(secret)), Texts.load(), clock,
                List.of(Duration.ofDays(2)));

        var outcome = dialogue.take(keys.keyFor(FINISHED), OptionalLong.of(FINISHED),
                new Input.Tap(new Action.ForgetConfirm()), "en", OptionalInt.of(1001));

        assertThat(outcome.deletable()).containsExactly(7);
        assertThat(rowsUnder(keys.keyFor(FINISHED)) + rowsUnder(oldKey(FINISHED))).isZero();
    }

    @Test
    void afterTheUpgradeTheDatabaseRefusesAnyOtherSecret() {
        upgrade();
        database.close();
        database = Database.open(databaseFile);

        assertThatThrownBy(() -> KeyCheck.verify(database,
                Secret.of(Optional.of("some-other-passphrase-entirely"), dir.resolve("unused"))))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("the passphrase is not the secret");
    }

    @Test
    void aRelease1DatabaseOpenedWithTheWrongSecretIsRefusedAndKeepsItsRows() {
        database = Database.open(databaseFile);

        assertThatThrownBy(() -> KeyCheck.verify(database,
                Secret.of(Optional.of("not-the-release-1-secret-at-all"), dir.resolve("unused"))))
                .isInstanceOf(StoreException.class);
        assertThat(rowsUnder(oldKey(WITH_REMINDER))).isEqualTo(3); // chat, reminder, inbox: not re-keyed
    }

    @Test
    void aHalfFinishedCheckOfRelease1FinishesWithTheVersion2Result() throws Exception {
        // Release 1: "no emergency", "neither pregnant nor past menopause", "only this once"; on screen: birth control.
        release1Chat(CHAT, "EMERGENCY_NO,NEITHER,ONCE", "BIRTH_CONTROL", null);
        var upgraded = upgradeAndHearFrom(CHAT);
        var dialogue = upgraded.dialogue();
        String chatKey = upgraded.chatKey();

        // A tap on release 1's keyboard ("birth control: started recently") is stale, never an answer.
        var old = dialogue.take(chatKey, new Input.Tap(CallbackData.decode("a:1:3:0")), "en");
        assertThat(old.popUp()).isPresent();
        var check = old.state().check().orElseThrow();
        assertThat(check.answers()).doesNotContainKey(Question.BIRTH_CONTROL);
        // The emergency question changed its answers, so it is asked again, then the new questions.
        assertThat(check.current()).contains(Question.EMERGENCY);

        var outcome = old;
        for (var answer : List.of(Answer.EMERGENCY_NONE, Answer.AGE_40_PLUS, Answer.SITUATION_NONE)) {
            outcome = dialogue.take(chatKey, new Input.Tap(new Action.Choose(check.id(), answer.question(), answer)), "en");
        }
        // "Only this once" still means the same: it is kept, and shown as chosen.
        var frequency = outcome.screens().get(0);
        assertThat(frequency.keyboard().get(0).get(0).label())
                .isEqualTo(Html.toPlain(Texts.load().in("en").format("answer.chosen",
                        Map.of("answer", Texts.load().in("en").get("answer.frequency.once")))));
        for (var answer : List.of(Answer.ONCE, Answer.BETWEEN_NO, Answer.BIRTH_CONTROL_NO, Answer.PAIN_NO,
                Answer.DISCHARGE_NO, Answer.STI_RISK_NO, Answer.SCREENING_NORMAL)) {
            outcome = dialogue.take(chatKey, new Input.Tap(new Action.Choose(check.id(), answer.question(), answer)), "en");
        }

        var finished = outcome.state().check().orElseThrow();
        assertThat(finished.finished()).isTrue();
        // Version 2: 40 or older with one episode is Soon, never Watch.
        assertThat(finished.result().urgency()).isEqualTo(Urgency.SOON);
        assertThat(finished.result().matched("age_40")).isTrue();
        assertThat(outcome.screens()).anyMatch(s -> s.html().contains(Texts.load().in("en").get("rule.age_40")));
    }

    @Test
    void theLevelRelease1KeptBesideAFinishedCheckIsDroppedAndItsAnswersStay() throws Exception {
        release1Chat(CHAT, "EMERGENCY_YES", "", "NOW");
        String chatKey = upgradeAndHearFrom(CHAT).chatKey();

        var columns = database.inTransaction(c -> {
            var names = new java.util.ArrayList<String>();
            try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA table_info(chat)")) {
                while (rs.next()) {
                    names.add(rs.getString("name"));
                }
            }
            return names;
        });
        var kept = database.inTransaction(c -> new ChatStore().load(c, chatKey)).orElseThrow().check().orElseThrow();

        assertThat(columns).contains("answers").doesNotContain("urgency");
        assertThat(kept.answers()).containsEntry(Question.EMERGENCY, Answer.EMERGENCY_YES);
        assertThat(kept.result().urgency()).isEqualTo(Urgency.NOW);
    }

    @Test
    void aFinishedEmergencyCheckOfRelease1StaysFinishedAtNow() throws Exception {
        release1Chat(CHAT, "EMERGENCY_YES", null, null);
        var upgraded = upgradeAndHearFrom(CHAT);

        var shown = upgraded.dialogue().take(upgraded.chatKey(), new Input.Tap(new Action.ShowResult()), "en");

        assertThat(shown.state().check().orElseThrow().result().urgency()).isEqualTo(Urgency.NOW);
    }

    @Test
    void aFinishedRelease1CheckWhoseAnswersChangedMeaningAsksTheNewQuestions() throws Exception {
        release1Chat(CHAT, "BIRTH_CONTROL_NO,DISCHARGE_NO,DRY_NO,EMERGENCY_NO,NEITHER,ONCE,SCREENING_RECENT,STI_RISK_NO",
                null, null);
        var upgraded = upgradeAndHearFrom(CHAT);

        var resumed = upgraded.dialogue().take(upgraded.chatKey(), new Input.Tap(new Action.Resume()), "en");

        var check = resumed.state().check().orElseThrow();
        assertThat(check.finished()).isFalse();
        assertThat(check.current()).contains(Question.EMERGENCY);
        assertThat(check.answers()).containsEntry(Question.PAIN, Answer.PAIN_NO)
                .doesNotContainKeys(Question.SITUATION, Question.SCREENING);
    }

    private Inbox.Entry entry(int updateId, long chatId, ChatKeys keys) {
        return new Inbox.Entry(updateId, chatId, keys.keyFor(chatId), "command|START|||en", Optional.empty());
    }

    private int rowsUnder(String chatKey) {
        return database.inTransaction(c -> {
            int rows = 0;
            for (String table : List.of("chat", "bot_message", "episode", "reminder", "inbox")) {
                try (var s = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE chat_key = ?")) {
                    s.setString(1, chatKey);
                    try (var rs = s.executeQuery()) {
                        rows += rs.getInt(1);
                    }
                }
            }
            return rows;
        });
    }

    // Release 1's derivations, written out here so the test does not trust the code it tests.

    private String oldKey(long chatId) {
        return HexFormat.of().formatHex(hmac(raw, Long.toString(chatId).getBytes(StandardCharsets.US_ASCII)));
    }

    private byte[] oldSeal(long chatId) throws GeneralSecurityException {
        var key = new SecretKeySpec(hmac(raw, "spotcheck/seal/v1".getBytes(StandardCharsets.US_ASCII)), "AES");
        var iv = new byte[12];
        iv[0] = 7;
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(ByteBuffer.allocate(8).putLong(chatId).array());
        return ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
