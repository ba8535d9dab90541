package org.spotcheck.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the privacy promise says is kept only for a while (see /privacy and docs/privacy.md),
 * for every table and column that holds something of a chat. Runs at start-up and then every hour,
 * so nothing outlives its period by more than an hour; then the write-ahead log is truncated, so
 * nothing deleted lingers there either.
 */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    public static final Duration UNFINISHED_CHECK = Duration.ofDays(7);
    public static final Duration FINISHED_CHECK = Duration.ofDays(30);
    public static final Duration REMEMBERED_CHECK = Duration.ofDays(90);
    /** How often the job runs. */
    public static final Duration EVERY = Duration.ofHours(1);

    private final Database database;
    private final LegacyKeys legacyKeys;
    private final Clock clock;

    public Retention(Database database, LegacyKeys legacyKeys, Clock clock) {
        this.database = database;
        this.legacyKeys = legacyKeys;
        this.clock = clock;
    }

    /** Returns how many checks (in progress, finished or remembered) were deleted. */
    public int run() {
        Instant now = clock.instant();
        String rememberedSince = now.minus(REMEMBERED_CHECK).atZone(ZoneOffset.UTC).toLocalDate().toString();
        int deleted = database.inTransaction(c -> {
            int rows;
            // A check in progress: 7 days after its last activity. A finished one: 30 days after it
            // finished, whatever changed since. A chat with no check holds only its language.
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM chat WHERE
                      (current_question IS NOT NULL AND updated_hour < ?)
                      OR (current_question IS NULL AND COALESCE(finished_hour, updated_hour) < ?)""")) {
                s.setLong(1, now.minus(UNFINISHED_CHECK).getEpochSecond());
                s.setLong(2, now.minus(FINISHED_CHECK).getEpochSecond());
                rows = s.executeUpdate();
            }
            // The day of a remembered check, wherever it is kept, for 90 days.
            try (PreparedStatement s = c.prepareStatement("UPDATE chat SET earlier_check = NULL WHERE earlier_check < ?")) {
                s.setString(1, rememberedSince);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM episode WHERE checked_on < ?")) {
                s.setString(1, rememberedSince);
                rows += s.executeUpdate();
            }
            // The bot's messages: only while Telegram lets them be deleted (a reminder's too, whose
            // check may be gone by then).
            try (PreparedStatement s = c.prepareStatement("DELETE FROM bot_message WHERE sent_at < ?")) {
                s.setLong(1, now.minus(ChatStore.DELETABLE_FOR).getEpochSecond());
                s.executeUpdate();
            }
            Inbox.expire(c, now);
            legacyKeys.expire(c);
            new Counters().expire(c, now.atZone(java.time.ZoneOffset.UTC).toLocalDate());
            return rows;
        });
        database.checkpoint();
        log.info("retention: {} expired checks deleted", deleted);
        return deleted;
    }
}
