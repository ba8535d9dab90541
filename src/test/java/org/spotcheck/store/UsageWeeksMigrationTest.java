package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.MutableClock;

/**
 * Migration 008 folds the day counters of a version-7 database into ISO weeks (the first start then
 * reduces small closed weeks); 009 moves reminders to the hour and drops their lifetime counter.
 */
class UsageWeeksMigrationTest {

    @TempDir
    Path dir;

    @Test
    void dayCountersAreFoldedIntoTheirIsoWeeksAndTheDayTableIsGone() throws Exception {
        var file = aVersion7Database(List.of(
                "('2026-11-30', 'check_finished', 'soon', 2)", // Monday of 2026-W49
                "('2026-12-06', 'check_finished', 'soon', 3)", // its Sunday
                "('2026-12-07', 'check_started', 'en', 1)",    // Monday of 2026-W50
                "('2027-01-01', 'check_started', 'de', 4)"));  // a Friday in 2026-W53

        try (var database = Database.open(file)) {
            var weeks = database.inTransaction(new Counters()::all);
            boolean dayTable = database.inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT 1 FROM sqlite_schema WHERE name = 'usage_count'")) {
                    return rs.next();
                }
            });

            assertThat(weeks).containsExactlyInAnyOrder(
                    new Counters.Week("2026-W49", Usage.finished(org.spotcheck.check.Urgency.SOON), 5),
                    new Counters.Week("2026-W50", Usage.started("en"), 1),
                    new Counters.Week("2026-W53", Usage.started("de"), 4));
            assertThat(dayTable).isFalse();
        }
    }

    @Test
    void theFirstRetentionRunAfterTheMigrationReducesSmallClosedWeeksToTheirTotals() throws Exception {
        var file = aVersion7Database(List.of(
                "('2026-11-30', 'check_started', 'ru', 1)",
                "('2026-11-30', 'check_finished', 'now', 1)",
                "('2026-12-01', 'reminder_set', 'doctor', 1)"));

        try (var database = Database.open(file)) {
            new Retention(database, new MutableClock(Instant.parse("2026-12-09T10:00:00Z"))).run();

            assertThat(database.inTransaction(new Counters()::all)).containsExactlyInAnyOrder(
                    new Counters.Week("2026-W49", new Usage(Usage.Event.CHECK_STARTED, Counters.ALL), 1),
                    new Counters.Week("2026-W49", new Usage(Usage.Event.CHECK_FINISHED, Counters.ALL), 1));
        }
    }

    @Test
    void migration009KeepsAPendingRemindersIdMovesItsDueTimeToTheHourAndDropsTheCounter() throws Exception {
        var file = aVersion7Database(List.of("('2026-11-30', 'check_started', 'en', 1)"));
        long quarter = Instant.parse("2026-11-27T10:15:00Z").getEpochSecond();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("INSERT INTO reminder (id, chat_key, chat_sealed, kind, language, due_at) VALUES"
                    + " (17, 'k', x'00', 'DOCTOR', 'en', " + quarter + ")");
        }

        try (var database = Database.open(file)) {
            var row = database.inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT id, due_at FROM reminder")) {
                    return List.of(rs.getLong(1), rs.getLong(2));
                }
            });
            boolean counter = database.inTransaction(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT sql FROM sqlite_schema WHERE name = 'reminder'")) {
                    return rs.getString(1).contains("AUTOINCREMENT");
                }
            });

            assertThat(row).containsExactly(17L, Instant.parse("2026-11-27T11:00:00Z").getEpochSecond());
            assertThat(counter).isFalse();
        }
    }

    /** Release 2's database (schema 7), with these day counters. */
    private Path aVersion7Database(List<String> dayRows) throws Exception {
        var file = dir.resolve("spotcheck.db");
        try (var c = PreviousRelease.RELEASE_2.create(file); var s = c.createStatement()) {
            s.execute("INSERT INTO usage_count (day, event, detail, count) VALUES " + String.join(", ", dayRows));
        }
        return file;
    }
}
