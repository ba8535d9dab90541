-- Usage figures per ISO week (UTC) instead of per day: on a small deployment a day with one finished
-- check is one person, and the counters outlive /forget by two years. The day rows are folded into
-- their weeks here and then dropped (secure_delete zeroes their pages); a closed week with fewer than
-- 20 finished checks is reduced to its totals at the first start (Counters.close, run by Retention).
CREATE TABLE usage_week (
    week   TEXT    NOT NULL,               -- ISO week in UTC, e.g. 2026-W49
    event  TEXT    NOT NULL,               -- check_started, check_finished, reminder_set, reminder_sent
    detail TEXT    NOT NULL,               -- the started check's language, the urgency, the reminder's kind; '' for a small closed week's total
    count  INTEGER NOT NULL,
    PRIMARY KEY (week, event, detail)
) WITHOUT ROWID;
-- The ISO week of a day is the one its Thursday falls in: its year is the Thursday's, its number
-- counts the Thursdays of that year.
INSERT INTO usage_week (week, event, detail, count)
    SELECT printf('%s-W%02d', strftime('%Y', thursday), (CAST(strftime('%j', thursday) AS INTEGER) - 1) / 7 + 1),
           event, detail, SUM(count)
    FROM (SELECT date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days', '+3 days') AS thursday,
                 event, detail, count FROM usage_count)
    GROUP BY 1, 2, 3;
DROP TABLE usage_count;
