package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.MutableClock;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Check;
import org.spotcheck.check.ReminderKind;
import org.spotcheck.check.Urgency;

/** Each kind of row goes at its age (privacy.md), and not a day before. */
class RetentionTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T12:00:00Z"));
    private Database database;
    private final ChatStore chats = new ChatStore();
    private final EpisodeStore episodes = new EpisodeStore();

    private Secret secret;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("spotcheck.db"));
        secret = Secret.of(Optional.of("retention-test-secret-000"), dir.resolve("unused"));
    }

    private Retention retention() {
        return new Retention(database, clock);
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
        retention().run();
        assertThat(exists("unfinished")).isTrue();
    }

    @Test
    void anUnfinishedCheckIsDeletedAfterSevenDays() {
        save("unfinished", unfinished());
        clock.advance(Duration.ofDays(7).plusHours(1));
        retention().run();
        assertThat(exists("unfinished")).isFalse();
    }

    @Test
    void aFinishedCheckIsKeptForThirtyDays() {
        save("finished", finished());
        clock.advance(Duration.ofDays(29));
        retention().run();
        assertThat(exists("finished")).isTrue();
    }

    @Test
    void aFinishedCheckIsDeletedAfterThirtyDays() {
        save("finished", finished());
        clock.advance(Duration.ofDays(30).plusHours(1));
        retention().run();
        assertThat(exists("finished")).isFalse();
    }

    @Test
    void aRememberedCheckIsKeptForNinetyDaysAndThenDeleted() {
        database.inTransaction(c -> {
            episodes.remember(c, "remembered", LocalDate.of(2026, 1, 10), Urgency.WATCH);
            return null;
        });
        clock.advance(Duration.ofDays(89));
        retention().run();
        assertThat(rows("episode")).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        retention().run();
        assertThat(rows("episode")).isZero();
    }

    @Test
    void aDeliveredOrCancelledReminderLeavesNoRow() {
        var reminders = new ReminderStore(new Sealer(secret));
        database.inTransaction(c -> {
            reminders.schedule(c, "a", 1, ReminderKind.DOCTOR, "en", clock.instant(), Duration.ZERO);
            reminders.schedule(c, "b", 2, ReminderKind.DOCTOR, "en", clock.instant(), Duration.ZERO);
            // Ids are random, so two reminders due at the same time come in no set order.
            var due = reminders.claimDue(c, clock.instant(), 10);
            long a = due.stream().filter(d -> d.chatKey().equals("a")).findFirst().orElseThrow().id();
            long b = due.stream().filter(d -> d.chatKey().equals("b")).findFirst().orElseThrow().id();
            reminders.delete(c, a);
            reminders.cancel(c, "b", b);
            return null;
        });
        assertThat(rows("reminder")).isZero();
    }

    @Test
    void aFinishedCheckCountsItsThirtyDaysFromWhenItFinishedNotFromALaterChange() {
        save("finished", finished());
        clock.advance(Duration.ofDays(20));
        database.inTransaction(c -> {
            var state = chats.load(c, "finished").orElseThrow();
            chats.save(c, "finished", state.withLanguage("de"), clock.instant()); // what /language does
            return null;
        });
        clock.advance(Duration.ofDays(10).plusHours(1));

        retention().run();

        assertThat(exists("finished")).isFalse();
    }

    @Test
    void theDayOfAnEarlierCheckKeptInAChatGoesAfterNinetyDays() {
        var earlier = LocalDate.of(2026, 1, 9);
        var check = Check.begin(1, Optional.of(earlier)).answer(Answer.EMERGENCY_NONE);
        save("again", check);
        // The check keeps being used, so the row itself does not expire.
        for (int day = 0; day < 92; day += 5) {
            clock.advance(Duration.ofDays(5));
            database.inTransaction(c -> {
                chats.save(c, "again", chats.load(c, "again").orElseThrow(), clock.instant());
                return null;
            });
            retention().run();
        }
        assertThat(database.inTransaction(c -> chats.load(c, "again")).orElseThrow().check().orElseThrow().earlier())
                .isEmpty();
    }

    @Test
    void theBotsMessageListIsKeptOnlyWhileTelegramLetsThemBeDeleted() {
        database.inTransaction(c -> {
            chats.recordSent(c, "a", 17, clock.instant());
            return null;
        });
        clock.advance(ChatStore.DELETABLE_FOR);
        retention().run();
        assertThat(rows("bot_message")).isEqualTo(1);

        clock.advance(Duration.ofHours(1).plusMinutes(1));
        retention().run();
        assertThat(rows("bot_message")).isZero();
    }

    @Test
    void anInboxRowIsGoneWithinADayWhateverBecameOfIt() {
        var inbox = new Inbox(database, new Sealer(secret), new LegacyKeys(database, secret), clock);
        inbox.accept(List.of(new Inbox.Entry(5, 5123456789L, "a", "command|START|||en", Optional.empty())), 5);
        clock.advance(Duration.ofHours(23));
        retention().run();
        assertThat(rows("inbox")).isEqualTo(1);

        clock.advance(Duration.ofHours(2));
        retention().run();
        assertThat(rows("inbox")).isZero();
    }

    /** The aging test: one row of every kind that holds something of a chat, each past its period. */
    @Test
    void everyKindOfRowIsGoneOnceItsPeriodHasPassed() {
        save("unfinished", unfinished());
        save("finished", finished());
        save("again", Check.begin(1, Optional.of(LocalDate.of(2026, 1, 10))).answer(Answer.EMERGENCY_NONE));
        database.inTransaction(c -> {
            episodes.remember(c, "remembered", LocalDate.of(2026, 1, 10), Urgency.WATCH);
            chats.recordSent(c, "finished", 17, clock.instant());
            return null;
        });
        new Inbox(database, new Sealer(secret), new LegacyKeys(database, secret), clock)
                .accept(List.of(new Inbox.Entry(5, 5123456789L, "unfinished", "command|START|||en", Optional.empty())), 5);
        clock.advance(Retention.REMEMBERED_CHECK.plusDays(1));

        retention().run();

        var left = new java.util.TreeMap<String, Integer>();
        for (String table : List.of("chat", "episode", "bot_message", "inbox", "legacy_key")) {
            left.put(table, rows(table));
        }
        assertThat(left).isEqualTo(Map.of("chat", 0, "episode", 0, "bot_message", 0, "inbox", 0, "legacy_key", 0));
    }

    @Test
    void retentionLeavesRowsOfOtherAgesAlone() {
        save("old", finished());
        clock.advance(Duration.ofDays(31));
        save("new", finished());
        retention().run();
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
