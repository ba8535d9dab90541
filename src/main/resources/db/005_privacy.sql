-- Which secret wrote this database: a value derived from it (HKDF, its own label), never the secret.
-- A start with another secret is refused instead of silently orphaning every row.
CREATE TABLE key_check (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value TEXT NOT NULL
);

-- Chat keys written by release 1, whose keys were derived the old way (HMAC with the raw secret).
-- A chat is re-keyed when it is next seen; a key leaves this list when no row uses it any more.
CREATE TABLE legacy_key (
    chat_key TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT OR IGNORE INTO legacy_key (chat_key)
    SELECT chat_key FROM chat UNION SELECT chat_key FROM bot_message UNION SELECT chat_key FROM inbox
    UNION SELECT chat_key FROM reminder UNION SELECT chat_key FROM episode;

-- A finished check is kept 30 days from when it finished, not from its last change (/language).
ALTER TABLE chat ADD COLUMN finished_hour INTEGER;
UPDATE chat SET finished_hour = updated_hour WHERE current_question IS NULL AND check_id IS NOT NULL;

-- A reminder is claimed for sending; /forget or Cancel deletes it, claimed or not.
ALTER TABLE reminder ADD COLUMN claimed INTEGER NOT NULL DEFAULT 0;

-- Times only as precise as their purpose needs: message times and inbox times to the hour.
UPDATE bot_message SET sent_at = (sent_at / 3600 + 1) * 3600 WHERE sent_at % 3600 <> 0;
UPDATE inbox SET received_at = received_at / 3600 * 3600;
UPDATE reminder SET due_at = (due_at + 899) / 900 * 900;
