package org.spotcheck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.spotcheck.stats.Usage;

/**
 * Day counters for the operator's figures: (day, event, detail) → count. Written inside the
 * transaction of the update or delivery they count, so what is rolled back or handled once is
 * counted once.
 */
public final class Counters {

    /** How long the day counters are kept (stated in /privacy and README). */
    public static final Period KEPT = Period.ofYears(2);

    /** One day's count of one event and detail. */
    public record Day(LocalDate day, Usage usage, long count) {
    }

    public void count(Connection c, LocalDate day, List<Usage> usages) throws SQLException {
        if (usages.isEmpty()) {
            return;
        }
        try (var s = c.prepareStatement("""
                INSERT INTO usage_count (day, event, detail, count) VALUES (?, ?, ?, 1)
                ON CONFLICT (day, event, detail) DO UPDATE SET count = count + 1""")) {
            for (Usage usage : usages) {
                s.setString(1, day.toString());
                s.setString(2, usage.event().key());
                s.setString(3, usage.detail());
                s.executeUpdate();
            }
        }
    }

    public List<Day> all(Connection c) throws SQLException {
        var days = new ArrayList<Day>();
        try (var s = c.prepareStatement("SELECT day, event, detail, count FROM usage_count ORDER BY day");
             var rs = s.executeQuery()) {
            while (rs.next()) {
                var event = Usage.Event.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT));
                days.add(new Day(LocalDate.parse(rs.getString(1)), new Usage(event, rs.getString(3)), rs.getLong(4)));
            }
        }
        return days;
    }

    /** Deletes the days older than {@link #KEPT}; returns how many rows went. */
    public int expire(Connection c, LocalDate today) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM usage_count WHERE day < ?")) {
            s.setString(1, today.minus(KEPT).toString());
            return s.executeUpdate();
        }
    }
}
