package org.spotcheck.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the privacy promise says is kept only for a while (see /privacy and docs/privacy.md),
 * for every table that holds something of a chat, and closes the week counters. Each table's own
 * store says what of it expires; this only runs them together, in one transaction. It needs no key,
 * so it runs at start-up before the secret is even read (a wrong secret does not stop it), and then
 * every hour, so nothing outlives its period by more than an hour; then the write-ahead log is
 * truncated, so nothing deleted lingers there either.
 */
public final class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    public static final Duration UNFINISHED_CHECK = Duration.ofDays(7);
    public static final Duration FINISHED_CHECK = Duration.ofDays(30);
    public static final Duration REMEMBERED_CHECK = Duration.ofDays(90);
    /** How often the job runs. */
    public static final Duration EVERY = Duration.ofHours(1);

    private final Database database;
    private final Clock clock;

    public Retention(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Returns how many checks (in progress, finished or remembered) were deleted. */
    public int run() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate rememberedSince = now.minus(REMEMBERED_CHECK).atZone(ZoneOffset.UTC).toLocalDate();
        int deleted = database.inTransaction(c -> {
            int rows = ChatStore.expire(c, now, rememberedSince);
            rows += EpisodeStore.expire(c, rememberedSince);
            Inbox.expire(c, now);
            LegacyKeys.expire(c);
            var counters = new Counters();
            counters.close(c, today);
            counters.expire(c, today);
            return rows;
        });
        database.checkpoint();
        log.info("retention: {} expired checks deleted", deleted);
        return deleted;
    }
}
