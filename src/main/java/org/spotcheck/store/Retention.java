package org.spotcheck.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the privacy promise says is kept only for a while (see /privacy and privacy.md).
 * Runs at start-up and then daily, so rows never outlive their period by more than a day.
 */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    public static final Duration UNFINISHED_CHECK = Duration.ofDays(7);
    public static final Duration FINISHED_CHECK = Duration.ofDays(30);
    public static final Duration REMEMBERED_CHECK = Duration.ofDays(90);

    private final Database database;
    private final Clock clock;

    public Retention(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Returns how many checks (in progress, finished or remembered) were deleted. */
    public int run() {
        Instant now = clock.instant();
        int deleted = database.inTransaction(c -> {
            int rows = 0;
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM chat WHERE
                      (current_question IS NOT NULL AND updated_hour < ?)
                      OR (current_question IS NULL AND updated_hour < ?)""")) {
                s.setLong(1, now.minus(UNFINISHED_CHECK).getEpochSecond());
                s.setLong(2, now.minus(FINISHED_CHECK).getEpochSecond());
                rows = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM episode WHERE checked_on < ?")) {
                s.setString(1, now.minus(REMEMBERED_CHECK).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
                rows += s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM bot_message WHERE sent_at < ?
                      OR chat_key NOT IN (SELECT chat_key FROM chat)""")) {
                s.setLong(1, now.minus(ChatStore.DELETABLE_FOR).getEpochSecond());
                s.executeUpdate();
            }
            new Counters().expire(c, now.atZone(java.time.ZoneOffset.UTC).toLocalDate());
            return rows;
        });
        log.info("retention: {} expired checks deleted", deleted);
        return deleted;
    }
}
