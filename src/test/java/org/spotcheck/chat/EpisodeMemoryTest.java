package org.spotcheck.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.MutableClock;
import org.spotcheck.check.Action;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Check;
import org.spotcheck.check.Context;
import org.spotcheck.check.Input;
import org.spotcheck.check.Question;
import org.spotcheck.check.Urgency;
import org.spotcheck.store.TempDatabase;
import org.spotcheck.text.Texts;

/** Remembering a check, only with consent, so a second check can count "it happened again". */
class EpisodeMemoryTest {

    private static final long CHAT = 42_000_001L;

    @RegisterExtension
    final TempDatabase store = new TempDatabase("episode-memory-test-secret");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T09:00:00Z"));
    private Dialogue dialogue;
    private String chatKey;

    @BeforeEach
    void open() {
        dialogue = new Dialogue(store.database(), store.reminders(), Texts.load(), clock, Context.DEFAULT_DELAYS);
        chatKey = store.chatKeys().keyFor(CHAT);
    }

    private Dialogue.Outcome tap(Action action) {
        return dialogue.take(chatKey, OptionalLong.of(CHAT), new Input.Tap(action), "en", java.util.OptionalInt.empty());
    }

    /** A calm check: once, nothing else (Watch), unless the frequency answer says otherwise. */
    private Check check(Answer frequency) {
        var outcome = tap(new Action.Begin());
        for (var answer : List.of(Answer.EMERGENCY_NONE, Answer.AGE_25_39, Answer.SITUATION_NONE, frequency,
                Answer.BETWEEN_NO, Answer.BIRTH_CONTROL_NO, Answer.PAIN_NO, Answer.DISCHARGE_NO, Answer.STI_RISK_NO,
                Answer.SCREENING_NORMAL)) {
            var current = outcome.state().check().orElseThrow();
            outcome = tap(new Action.Choose(current.id(), answer.question(), answer));
        }
        return outcome.state().check().orElseThrow();
    }

    @Test
    void aRememberedCheckLetsTheNextCheckCountItHappenedAgainAsSoon() {
        var first = check(Answer.ONCE);
        assertThat(first.result().urgency()).isEqualTo(Urgency.WATCH);
        tap(new Action.Remember(first.id(), true));
        clock.advance(Duration.ofDays(20));

        var second = check(Answer.AGAIN_SINCE_LAST);

        assertThat(second.earlier()).contains(java.time.LocalDate.of(2026, 11, 1));
        assertThat(second.result().urgency()).isEqualTo(Urgency.SOON);
        assertThat(second.result().matched()).extracting(rule -> rule.key()).containsExactly("in_a_row");
    }

    @Test
    void theFrequencyQuestionSaysWhenTheRememberedCheckWas() {
        var first = check(Answer.ONCE);
        tap(new Action.Remember(first.id(), true));
        var outcome = tap(new Action.Begin());
        outcome = tap(new Action.Choose(outcome.state().check().get().id(), Question.EMERGENCY, Answer.EMERGENCY_NONE));
        outcome = tap(new Action.Choose(outcome.state().check().get().id(), Question.AGE, Answer.AGE_25_39));
        outcome = tap(new Action.Choose(outcome.state().check().get().id(), Question.SITUATION, Answer.SITUATION_NONE));

        var question = outcome.screens().get(0);
        assertThat(question.html()).contains("1 November");
        assertThat(question.keyboard().get(0).get(0).label()).isEqualTo("Yes, it happened again");
    }

    @Test
    void withoutConsentNothingIsRemembered() {
        var first = check(Answer.ONCE);
        tap(new Action.Remember(first.id(), false));

        var second = tap(new Action.Begin()).state().check().orElseThrow();

        assertThat(second.earlier()).isEmpty();
        assertThat(second.choices(Question.FREQUENCY)).doesNotContain(Answer.AGAIN_SINCE_LAST);
        assertThat(episodeRows()).isZero();
    }

    @Test
    void itHappenedAgainCannotBeChosenWithoutARememberedCheck() {
        var outcome = tap(new Action.Begin());
        int id = outcome.state().check().orElseThrow().id();
        outcome = tap(new Action.Choose(id, Question.EMERGENCY, Answer.EMERGENCY_NONE));
        outcome = tap(new Action.Choose(id, Question.AGE, Answer.AGE_25_39));
        outcome = tap(new Action.Choose(id, Question.SITUATION, Answer.SITUATION_NONE));

        outcome = tap(new Action.Choose(id, Question.FREQUENCY, Answer.AGAIN_SINCE_LAST));

        assertThat(outcome.popUp()).isPresent();
        assertThat(outcome.state().check().orElseThrow().current()).contains(Question.FREQUENCY);
    }

    @Test
    void aRememberedCheckKeepsOnlyItsDayAndUrgency() {
        var first = check(Answer.FEW_TIMES);
        tap(new Action.Remember(first.id(), true));

        String row = store.database().inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT * FROM episode")) {
                rs.next();
                var columns = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                }
                return columns.toString().strip();
            }
        });
        assertThat(row).isEqualTo("chat_key=" + chatKey + " checked_on=2026-11-01 urgency=SOON");
    }

    @Test
    void aRememberedCheckOlderThan90DaysIsNotOfferedAgain() {
        var first = check(Answer.ONCE);
        tap(new Action.Remember(first.id(), true));
        clock.advance(Duration.ofDays(91));

        assertThat(tap(new Action.Begin()).state().check().orElseThrow().earlier()).isEmpty();
    }

    @Test
    void theOfferToRememberComesAfterTheResultButNotAfterAnEmergency() {
        var outcome = tap(new Action.Begin());
        outcome = tap(new Action.Choose(1, Question.EMERGENCY, Answer.EMERGENCY_YES));
        assertThat(outcome.screens()).noneMatch(s -> s.html().contains("remember this check"));
    }

    private int episodeRows() {
        Integer rows = store.database().inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM episode")) {
                return rs.getInt(1);
            }
        });
        return rows;
    }
}
