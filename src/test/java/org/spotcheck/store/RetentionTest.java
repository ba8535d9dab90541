package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.MutableClock;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Check;
import org.spotcheck.check.Urgency;

/** Each kind of row goes at its age (privacy.md), and not a day before. */
class RetentionTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T12:00:00Z"));
    private Database database;
    private final ChatStore chats = new ChatStore();
    private final EpisodeStore episodes = new EpisodeStore();

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("spotcheck.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void save(String key, Check check) {
        database.inTransaction(c -> {
            chats.save(c, key, new ChatState(Optional.of(check), "en", Optional.empty()), clock.instant());
            return null;
        });
    }

    private boolean exists(String key) {
        Optional<ChatState> state = database.inTransaction(c -> chats.load(c, key));
        return state.isPresent();
    }

    private Check finished() {
        return Check.begin(1).answer(Answer.EMERGENCY_YES);
    }

    private Check unfinished() {
        return Check.begin(1).answer(Answer.EMERGENCY_NONE);
    }

    @Test
    void anUnfinishedCheckIsKeptForSevenDays() {
        save("unfinished", unfinished());
        clock.advance(Duration.ofDays(6).plusHours(22));
        new Retention(database, clock).run();
        assertThat(exists("unfinished")).isTrue();
    }

    @Test
    void anUnfinishedCheckIsDeletedAfterSevenDays() {
        save("unfinished", unfinished());
        clock.advance(Duration.ofDays(7).plusHours(1));
        new Retention(database, clock).run();
        assertThat(exists("unfinished")).isFalse();
    }

    @Test
    void aFinishedCheckIsKeptForThirtyDays() {
        save("finished", finished());
        clock.advance(Duration.ofDays(29));
        new Retention(database, clock).run();
        assertThat(exists("finished")).isTrue();
    }

    @Test
    void aFinishedCheckIsDeletedAfterThirtyDays() {
        save("finished", finished());
        clock.advance(Duration.ofDays(30).plusHours(1));
        new Retention(database, clock).run();
        assertThat(exists("finished")).isFalse();
    }

    @Test
    void aRememberedCheckIsKeptForNinetyDaysAndThenDeleted() {
        database.inTransaction(c -> {
            episodes.remember(c, "remembered", LocalDate.of(2026, 1, 10), Urgency.WATCH);
            return null;
        });
        clock.advance(Duration.ofDays(89));
        new Retention(database, clock).run();
        assertThat(rows("episode")).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        new Retention(database, clock).run();
        assertThat(rows("episode")).isZero();
    }

    @Test
    void aDeliveredOrCancelledReminderLeavesNoRow() {
        var sealer = new Sealer(Secret.of(Optional.of("retention-test-secret-000"), dir.resolve("spotcheck.db")));
        var reminders = new ReminderStore(sealer);
        database.inTransaction(c -> {
            reminders.schedule(c, "a", 1, org.spotcheck.check.ReminderKind.DOCTOR, "en", clock.instant());
            reminders.schedule(c, "b", 2, org.spotcheck.check.ReminderKind.DOCTOR, "en", clock.instant());
            var due = reminders.due(c, clock.instant(), 10);
            reminders.delete(c, due.get(0).id());
            reminders.cancel(c, "b", due.get(1).id());
            return null;
        });
        assertThat(rows("reminder")).isZero();
    }

    @Test
    void retentionLeavesRowsOfOtherAgesAlone() {
        save("old", finished());
        clock.advance(Duration.ofDays(31));
        save("new", finished());
        new Retention(database, clock).run();
        assertThat(Map.of("old", exists("old"), "new", exists("new"))).isEqualTo(Map.of("old", false, "new", true));
    }

    private int rows(String table) {
        Integer count = database.inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                return rs.getInt(1);
            }
        });
        return count;
    }
}
