package org.spotcheck.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Week counters for the operator's figures: (ISO week, event, detail) → count. Written inside the
 * transaction of the update or delivery they count, so what is rolled back or handled once is
 * counted once. Nothing finer than a week is kept: on a small deployment a day with one finished
 * check is one person. A closed week with fewer than {@value #BREAKDOWN_FROM} finished checks keeps
 * only how many checks were started and finished ({@link #close}): its breakdown is deleted, not hidden.
 */
public final class Counters {

    /** How long the week counters are kept (stated in /privacy and README). */
    public static final Period KEPT = Period.ofYears(2);
    /** The finished checks a week needs to keep (and show) its breakdown by level, language and reminder. */
    public static final int BREAKDOWN_FROM = 20;
    /** The detail of a closed small week's totals: the count of every detail together. */
    public static final String ALL = "";

    /** One week's count of one event and detail ({@link #ALL} for a small closed week's total). */
    public record Week(String week, Usage usage, long count) {
    }

    /** The ISO week (UTC) a day belongs to, e.g. 2026-W49; such names sort in time order. */
    public static String weekOf(LocalDate day) {
        return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public void count(Connection c, LocalDate day, List<Usage> usages) throws SQLException {
        if (usages.isEmpty()) {
            return;
        }
        try (var s = c.prepareStatement("""
                INSERT INTO usage_week (week, event, detail, count) VALUES (?, ?, ?, 1)
                ON CONFLICT (week, event, detail) DO UPDATE SET count = count + 1""")) {
            for (Usage usage : usages) {
                s.setString(1, weekOf(day));
                s.setString(2, usage.event().key());
                s.setString(3, usage.detail());
                s.executeUpdate();
            }
        }
    }

    public List<Week> all(Connection c) throws SQLException {
        var weeks = new ArrayList<Week>();
        try (var s = c.prepareStatement("SELECT week, event, detail, count FROM usage_week ORDER BY week");
             var rs = s.executeQuery()) {
            while (rs.next()) {
                var event = Usage.Event.valueOf(rs.getString(2).toUpperCase(Locale.ROOT));
                weeks.add(new Week(rs.getString(1), new Usage(event, rs.getString(3)), rs.getLong(4)));
            }
        }
        return weeks;
    }

    /**
     * Reduces every closed week (before today's) with fewer than {@link #BREAKDOWN_FROM} finished
     * checks to its two totals; returns how many weeks were reduced.
     */
    public int close(Connection c, LocalDate today) throws SQLException {
        var small = new ArrayList<String>();
        try (var s = c.prepareStatement("""
                SELECT week FROM usage_week WHERE week < ? GROUP BY week
                HAVING SUM(CASE WHEN event = 'check_finished' THEN count ELSE 0 END) < ?
                   AND SUM(CASE WHEN detail <> ? OR event NOT IN ('check_started', 'check_finished') THEN 1 ELSE 0 END) > 0""")) {
            s.setString(1, weekOf(today));
            s.setInt(2, BREAKDOWN_FROM);
            s.setString(3, ALL);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    small.add(rs.getString(1));
                }
            }
        }
        for (String week : small) {
            try (var s = c.prepareStatement("""
                    INSERT INTO usage_week (week, event, detail, count)
                      SELECT week, event, ?, SUM(count) FROM usage_week
                      WHERE week = ? AND event IN ('check_started', 'check_finished') GROUP BY event
                    ON CONFLICT (week, event, detail) DO UPDATE SET count = excluded.count""")) {
                s.setString(1, ALL);
                s.setString(2, week);
                s.executeUpdate();
            }
            try (var s = c.prepareStatement("DELETE FROM usage_week WHERE week = ? AND NOT (detail = ? AND event IN ('check_started', 'check_finished'))")) {
                s.setString(1, week);
                s.setString(2, ALL);
                s.executeUpdate();
            }
        }
        return small.size();
    }

    /** Deletes the weeks that ended more than {@link #KEPT} ago; returns how many rows went. */
    public int expire(Connection c, LocalDate today) throws SQLException {
        try (var s = c.prepareStatement("DELETE FROM usage_week WHERE week < ?")) {
            s.setString(1, weekOf(today.minus(KEPT)));
            return s.executeUpdate();
        }
    }
}
