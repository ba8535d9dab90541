package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.spotcheck.text.Texts;

/**
 * A database written by release 2 (clinical rules version 2: its migrations 001–007, and checks stored
 * the way release 2 stored them) is opened by this release. A check keeps its meaning, or the
 * question whose answer split in two is asked again; a tap on release 2's keyboard for a split
 * answer shows the current question with a toast, never a different answer.
 */
class UpgradeFromRelease2Test {

    private static final String SECRET = "a-test-secret-of-enough-length";
    private static final long CHAT = 434_343;
    private static final int CHECK_ID = 77;

    @TempDir
    Path dir;

    private Path file;
    private String chatKey;

    /** The file exactly as release 2 left it, with one chat whose check is stored as given. */
    private Dialogue release2(String answers, String current) throws Exception {
        file = dir.resolve("spotcheck.db");
        chatKey = new ChatKeys(Secret.of(Optional.of(SECRET), file)).keyFor(CHAT);
        try (var c = PreviousRelease.RELEASE_2.create(file); var insert = c.prepareStatement("""
                INSERT INTO chat (chat_key, language, check_id, answers, current_question, question_message_id,
                                  updated_hour, earlier_check, finished_hour)
                VALUES (?, 'en', ?, ?, ?, 55, 1764547200, NULL, ?)""")) {
            insert.setString(1, chatKey);
            insert.setInt(2, CHECK_ID);
            insert.setString(3, answers);
            insert.setString(4, current);
            insert.setObject(5, current == null ? 1764547200L : null);
            insert.executeUpdate();
        }
        var db = Database.open(file);
        databases.add(db);
        return new Dialogue(db, new ReminderStore(new Sealer(Secret.of(Optional.of(SECRET), file))), Texts.load(),
                new MutableClock(Instant.parse("2026-12-08T10:00:00Z")), Context.DEFAULT_DELAYS);
    }

    private final List<Database> databases = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void close() {
        databases.forEach(Database::close);
    }

    private Dialogue.Outcome tap(Dialogue dialogue, String data) {
        return dialogue.take(chatKey, new Input.Tap(CallbackData.decode(data)), "en");
    }

    @Test
    void aTapOnRelease2sUnder16ButtonShowsTheAgeQuestionAgainWithAToast() throws Exception {
        // Release 2, on screen: question 2, age; the person taps "Under 16" on that keyboard after the upgrade.
        var dialogue = release2("EMERGENCY_SLIGHT_FEVER", "AGE");

        var outcome = tap(dialogue, "q:" + CHECK_ID + ":g:a");

        assertThat(outcome.popUp()).isPresent();
        var check = outcome.state().check().orElseThrow();
        assertThat(check.answers()).doesNotContainKey(Question.AGE);
        assertThat(check.current()).contains(Question.AGE);
        assertThat(outcome.screens()).anyMatch(screen -> screen.keyboard().stream().flatMap(List::stream)
                .anyMatch(button -> button.label().equals(Texts.load().in("en").get("answer.age.under_13"))));
    }

    @Test
    void aRelease2ChecksNoToQuestion1AndToBirthControlAreAskedAgainWithEveryOtherAnswerKept() throws Exception {
        // Version 2's "No" to question 1 held new mild pain, and its "No" to birth control a copper coil.
        var dialogue = release2("AGE_25_39,BIRTH_CONTROL_NO,DISCHARGE_NO,EMERGENCY_NONE,ONCE,PAIN_NO,PREGNANT,"
                + "SCREENING_NORMAL,STI_RISK_NO", null);

        var resumed = dialogue.take(chatKey, new Input.Tap(new Action.Resume()), "en");

        var check = resumed.state().check().orElseThrow();
        assertThat(check.finished()).isFalse();
        assertThat(check.current()).contains(Question.EMERGENCY);
        assertThat(check.answers()).doesNotContainKeys(Question.EMERGENCY, Question.BIRTH_CONTROL)
                .containsEntry(Question.AGE, Answer.AGE_25_39).containsEntry(Question.PAIN, Answer.PAIN_NO)
                .containsEntry(Question.SCREENING, Answer.SCREENING_NORMAL);
    }

    @Test
    void aTapOnRelease2sNoButtonOfQuestion1ShowsQuestion1AgainWithAToast() throws Exception {
        var dialogue = release2("", "EMERGENCY");

        var outcome = tap(dialogue, "q:" + CHECK_ID + ":e:n");

        assertThat(outcome.popUp()).isPresent();
        var check = outcome.state().check().orElseThrow();
        assertThat(check.answers()).doesNotContainKey(Question.EMERGENCY);
        assertThat(check.current()).contains(Question.EMERGENCY);
    }

    @Test
    void aCheckInProgressWithRelease2sUnder16AsksTheAgeAgainAndKeepsTheOtherAnswers() throws Exception {
        var dialogue = release2("AGE_UNDER_16,EMERGENCY_SLIGHT_FEVER,ONCE,PREGNANT", "BIRTH_CONTROL");

        var resumed = dialogue.take(chatKey, new Input.Tap(new Action.Resume()), "en");

        var check = resumed.state().check().orElseThrow();
        assertThat(check.current()).contains(Question.AGE);
        assertThat(check.answers()).containsEntry(Question.FREQUENCY, Answer.ONCE).doesNotContainKey(Question.AGE);
    }

    @Test
    void aFinishedRelease2CheckWithAnAbnormalResultOrTreatmentAsksQuestion10Again() throws Exception {
        var dialogue = release2("AGE_25_39,BIRTH_CONTROL_UNSURE,DISCHARGE_NO,EMERGENCY_SLIGHT_FEVER,ONCE,PAIN_NO,PREGNANT,"
                + "SCREENING_ABNORMAL,STI_RISK_NO", null);

        var resumed = dialogue.take(chatKey, new Input.Tap(new Action.Resume()), "en");
        var check = resumed.state().check().orElseThrow();
        assertThat(check.finished()).isFalse();
        assertThat(check.current()).contains(Question.SCREENING);

        var outcome = dialogue.take(chatKey, new Input.Tap(new Action.Choose(check.id(), Question.SCREENING,
                Answer.SCREENING_CANCER_TREATMENT)), "en");
        var finished = outcome.state().check().orElseThrow();
        assertThat(finished.finished()).isTrue();
        assertThat(finished.result().matched("cancer_treatment")).isTrue();
    }

    @Test
    void aFinishedRelease2CheckWithAHysterectomyAsksWhetherTheCervixWasKept() throws Exception {
        var dialogue = release2("AGE_40_PLUS,BIRTH_CONTROL_UNSURE,DISCHARGE_NO,EMERGENCY_SLIGHT_FEVER,MENOPAUSE,ONCE,PAIN_NO,"
                + "HYSTERECTOMY_PAST,STI_RISK_NO", null);

        var resumed = dialogue.take(chatKey, new Input.Tap(new Action.Resume()), "en");
        var check = resumed.state().check().orElseThrow();
        assertThat(check.current()).contains(Question.CERVIX);

        var outcome = dialogue.take(chatKey, new Input.Tap(new Action.Choose(check.id(), Question.CERVIX,
                Answer.CERVIX_KEPT)), "en");
        var result = outcome.state().check().orElseThrow().result();
        assertThat(result.cervix()).isTrue();
        assertThat(result.matched("cervix_kept")).isTrue();
    }

    @Test
    void aFinishedRelease2CheckWhoseAnswersKeepTheirMeaningStaysFinishedWithTheVersion3Level() throws Exception {
        // Version 2 put deep pain without other signs at Soon; version 3 says Today.
        var dialogue = release2("AGE_25_39,BIRTH_CONTROL_UNSURE,DISCHARGE_NO,EMERGENCY_SLIGHT_FEVER,ONCE,PAIN_DEEP,PREGNANT,"
                + "SCREENING_NORMAL,STI_RISK_NO", null);

        var shown = dialogue.take(chatKey, new Input.Tap(new Action.ShowResult()), "en");

        var check = shown.state().check().orElseThrow();
        assertThat(check.finished()).isTrue();
        assertThat(check.result().urgency()).isEqualTo(Urgency.TODAY);
        assertThat(check.result().matched("deep_pain")).isTrue();
    }
}
