-- Reminders the person asked for. The chat id is sealed (AES-GCM) because the reminder must
-- reach the chat; the row is deleted once delivered or cancelled.
CREATE TABLE reminder (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_key    TEXT    NOT NULL,
    chat_sealed BLOB    NOT NULL,
    kind        TEXT    NOT NULL,          -- DOCTOR or CHECK_IN
    language    TEXT    NOT NULL,
    due_at      INTEGER NOT NULL           -- epoch seconds
);
CREATE INDEX reminder_due ON reminder (due_at);
CREATE INDEX reminder_chat ON reminder (chat_key);

-- An earlier check the person asked SpotCheck to remember: only its day and urgency.
CREATE TABLE episode (
    chat_key   TEXT PRIMARY KEY,
    checked_on TEXT NOT NULL,              -- ISO date, e.g. 2026-11-25
    urgency    TEXT NOT NULL
) WITHOUT ROWID;

-- A check started after a remembered one knows that earlier day (it is shown and counts as "again").
ALTER TABLE chat ADD COLUMN earlier_check TEXT;
