-- One row per private chat, keyed by HMAC-SHA256(secret, chat id): the database alone
-- does not say who anyone is. Answers are enum names, never typed text.
CREATE TABLE chat (
    chat_key            TEXT PRIMARY KEY,
    language            TEXT,
    check_id            INTEGER,            -- null: no check yet
    answers             TEXT NOT NULL DEFAULT '',
    current_question    TEXT,               -- null: the check is finished
    urgency             TEXT,               -- the result level of a finished check
    question_message_id INTEGER,            -- the message edited in place
    updated_hour        INTEGER NOT NULL    -- coarse: epoch seconds rounded down to the hour
);

-- The bot's own messages of a check, so /forget can delete them while Telegram allows (48 h).
CREATE TABLE bot_message (
    chat_key   TEXT    NOT NULL,
    message_id INTEGER NOT NULL,
    sent_at    INTEGER NOT NULL,
    PRIMARY KEY (chat_key, message_id)
) WITHOUT ROWID;
