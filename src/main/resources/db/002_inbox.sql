-- Updates received from Telegram and not yet handled. TelegramBots confirms a batch before
-- anything is handled, so each batch is written here first; a crash loses nothing.
-- Only private chats; the chat id is sealed (AES-GCM) because the reply must reach it.
CREATE TABLE inbox (
    update_id   INTEGER PRIMARY KEY,
    chat_key    TEXT    NOT NULL,
    chat_sealed BLOB    NOT NULL,
    event       TEXT    NOT NULL,           -- what happened, in SpotCheck's codes; never typed text
    received_at INTEGER NOT NULL
);

-- The highest update id ever received: a re-delivered update at or below it is a no-op.
CREATE TABLE update_mark (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    last_update_id INTEGER NOT NULL
);
INSERT INTO update_mark (id, last_update_id) VALUES (1, 0);
