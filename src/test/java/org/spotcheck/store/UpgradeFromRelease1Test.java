package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.MutableClock;
import org.spotcheck.check.Action;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Context;
import org.spotcheck.check.Input;
import org.spotcheck.check.Question;
import org.spotcheck.check.Urgency;
import org.spotcheck.telegram.CallbackData;
import org.spotcheck.text.Html;
import org.spotcheck.text.Texts;

/**
 * A database written by release 1 (its migrations 001–003, and a check stored halfway through the
 * way release 1 stored it: answer names of version 1 of the rules) is opened by this release, and
 * the check finishes with the result version 2 gives, asking the questions whose meaning changed.
 */
class UpgradeFromRelease1Test {

    private static final String SECRET = "a-test-secret-of-enough-length";
    private static final long CHAT = 424_242;

    @TempDir
    Path dir;

    /** Builds the file exactly as release 1 left it, without this release's code. */
    private void release1Database(Path file, String chatKey, String answers, String current) throws Exception {
        try (var c = PreviousRelease.RELEASE_1.create(file)) {
            try (var insert = c.prepareStatement("""
                    INSERT INTO chat (chat_key, language, check_id, answers, current_question, urgency,
                                      question_message_id, updated_hour, earlier_check)
                    VALUES (?, 'en', 1, ?, ?, NULL, 55, 1764547200, NULL)""")) {
                insert.setString(1, chatKey);
                insert.setString(2, answers);
                insert.setString(3, current);
                insert.executeUpdate();
            }
        }
    }

    @Test
    void aHalfFinishedCheckOfRelease1FinishesWithTheVersion2Result() throws Exception {
        Path file = dir.resolve("spotcheck.db");
        String chatKey = new ChatKeys(Secret.of(Optional.of(SECRET), file)).keyFor(CHAT);
        // Release 1: "no emergency", "neither pregnant nor past menopause", "only this once"; on screen: birth control.
        release1Database(file, chatKey, "EMERGENCY_NO,NEITHER,ONCE", "BIRTH_CONTROL");

        var clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (var db = Database.open(file)) {
            var dialogue = new Dialogue(db, new ReminderStore(new Sealer(Secret.of(Optional.of(SECRET), file))),
                    Texts.load(), clock, Context.DEFAULT_DELAYS);

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
                            java.util.Map.of("answer", Texts.load().in("en").get("answer.frequency.once")))));
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
    }

    @Test
    void theLevelRelease1KeptBesideAFinishedCheckIsDroppedAndItsAnswersStay() throws Exception {
        Path file = dir.resolve("spotcheck.db");
        String chatKey = new ChatKeys(Secret.of(Optional.of(SECRET), file)).keyFor(CHAT);
        release1Database(file, chatKey, "EMERGENCY_YES", "");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("UPDATE chat SET urgency = 'NOW'");
        }

        try (var db = Database.open(file)) {
            var columns = db.inTransaction(c -> {
                var names = new java.util.ArrayList<String>();
                try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA table_info(chat)")) {
                    while (rs.next()) {
                        names.add(rs.getString("name"));
                    }
                }
                return names;
            });
            var kept = db.inTransaction(c -> new ChatStore().load(c, chatKey)).orElseThrow().check().orElseThrow();

            assertThat(columns).contains("answers").doesNotContain("urgency");
            assertThat(kept.answers()).containsEntry(Question.EMERGENCY, Answer.EMERGENCY_YES);
            assertThat(kept.result().urgency()).isEqualTo(Urgency.NOW);
        }
    }

    @Test
    void aFinishedEmergencyCheckOfRelease1StaysFinishedAtNow() throws Exception {
        Path file = dir.resolve("spotcheck.db");
        String chatKey = new ChatKeys(Secret.of(Optional.of(SECRET), file)).keyFor(CHAT);
        release1Database(file, chatKey, "EMERGENCY_YES", null);

        var clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (var db = Database.open(file)) {
            var dialogue = new Dialogue(db, new ReminderStore(new Sealer(Secret.of(Optional.of(SECRET), file))),
                    Texts.load(), clock, Context.DEFAULT_DELAYS);
            var shown = dialogue.take(chatKey, new Input.Tap(new Action.ShowResult()), "en");
            assertThat(shown.state().check().orElseThrow().result().urgency()).isEqualTo(Urgency.NOW);
        }
    }

    @Test
    void aFinishedRelease1CheckWhoseAnswersChangedMeaningAsksTheNewQuestions() throws Exception {
        Path file = dir.resolve("spotcheck.db");
        String chatKey = new ChatKeys(Secret.of(Optional.of(SECRET), file)).keyFor(CHAT);
        release1Database(file, chatKey,
                "BIRTH_CONTROL_NO,DISCHARGE_NO,DRY_NO,EMERGENCY_NO,NEITHER,ONCE,SCREENING_RECENT,STI_RISK_NO", null);

        var clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (var db = Database.open(file)) {
            var dialogue = new Dialogue(db, new ReminderStore(new Sealer(Secret.of(Optional.of(SECRET), file))),
                    Texts.load(), clock, Context.DEFAULT_DELAYS);
            var resumed = dialogue.take(chatKey, new Input.Tap(new Action.Resume()), "en");
            var check = resumed.state().check().orElseThrow();
            assertThat(check.finished()).isFalse();
            assertThat(check.current()).contains(Question.EMERGENCY);
            assertThat(check.answers()).containsEntry(Question.PAIN, Answer.PAIN_NO)
                    .doesNotContainKeys(Question.SITUATION, Question.SCREENING);
        }
    }
}
