-- Usage figures for the operator (--stats): how many times something happened on a day, nothing
-- else. No chat key, no id, no time finer than a day, so the figures name nobody. Kept two years.
CREATE TABLE usage_count (
    day    TEXT    NOT NULL,               -- ISO date in UTC, e.g. 2026-11-30
    event  TEXT    NOT NULL,               -- check_started, check_finished, reminder_set, reminder_sent
    detail TEXT    NOT NULL,               -- the started check's language, the urgency, the reminder's kind
    count  INTEGER NOT NULL,
    PRIMARY KEY (day, event, detail)
) WITHOUT ROWID;
