package org.spotcheck.telegram;

/** A Bot API call that failed for good, sorted by what the bot should do about it. */
final class BotApiException extends Exception {

    public enum Kind {
        /** The message to edit is gone or too old: send a new one instead. */
        MESSAGE_GONE,
        /** 403: the person blocked the bot or deleted the chat: erase the chat's data. */
        BLOCKED,
        /** Telegram refused the request for good (another 4xx), e.g. the chat no longer exists. */
        REFUSED,
        /** 401: the token is wrong or was revoked; nothing will work until an operator fixes it. */
        UNAUTHORIZED,
        /** 409: another process polls with this token, or a webhook is set. */
        CONFLICT,
        /** Retries ran out (429, 5xx or network): it may work later. */
        FAILED
    }

    private final Kind kind;

    BotApiException(Kind kind, String message) {
        super(message, null, false, false); // no stack trace: the message says enough, and stays token-free
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
