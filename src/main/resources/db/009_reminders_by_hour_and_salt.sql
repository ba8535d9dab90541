-- Reminders: due times to the hour, like every other time kept (they were kept to the quarter hour),
-- and no lifetime counter: AUTOINCREMENT kept the highest id ever given in sqlite_sequence, which
-- counted every reminder ever set. Ids are now random (ReminderStore), like check ids. The table is
-- rebuilt, because SQLite cannot drop AUTOINCREMENT in place; dropping the old one removes its
-- sqlite_sequence row. A short demo delay (kept exact) stays as it is.
CREATE TABLE reminder_by_hour (
    id          INTEGER PRIMARY KEY,           -- random, so it counts nothing
    chat_key    TEXT    NOT NULL,
    chat_sealed BLOB    NOT NULL,
    kind        TEXT    NOT NULL,
    language    TEXT    NOT NULL,
    due_at      INTEGER NOT NULL,              -- epoch seconds, to the hour (rounded up)
    claimed     INTEGER NOT NULL DEFAULT 0
);
INSERT INTO reminder_by_hour (id, chat_key, chat_sealed, kind, language, due_at, claimed)
    SELECT id, chat_key, chat_sealed, kind, language,
           CASE WHEN due_at % 900 = 0 THEN (due_at + 3599) / 3600 * 3600 ELSE due_at END, claimed
    FROM reminder;
DROP TABLE reminder;
ALTER TABLE reminder_by_hour RENAME TO reminder;
CREATE INDEX reminder_due ON reminder (due_at);
CREATE INDEX reminder_chat ON reminder (chat_key);

-- The PBKDF2 salt of a passphrase deployment, beside the key check value: random for a database
-- created from now on (or moved to a new passphrase by --rotate-secret --passphrase), so guessing a
-- passphrase is work for one deployment only. NULL: the application's constant salt, which every
-- database written before keeps (changing it would change every chat key).
ALTER TABLE key_check ADD COLUMN salt BLOB;
