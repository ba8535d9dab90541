package org.spotcheck.telegram;

import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethodBoolean;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A call whose answer the bot never reads, typed as all it takes from it: done. An edit is answered
 * with the whole edited message; sent as this, its answer is true, so {@link LeanTelegramClient} may
 * read its "ok" alone and no caller can mistake that true for a message. On the wire it is the call
 * itself; a failure is read as the call's own.
 */
final class Unread extends BotApiMethodBoolean {

    private final BotApiMethod<?> call;

    Unread(BotApiMethod<?> call) {
        this.call = call;
    }

    @JsonValue
    BotApiMethod<?> call() {
        return call;
    }

    @Override
    public String getMethod() {
        return call.getMethod();
    }

    @Override
    public void validate() throws TelegramApiValidationException {
        call.validate();
    }

    @Override
    public Boolean deserializeResponse(String answer) throws TelegramApiRequestException {
        call.deserializeResponse(answer);
        return Boolean.TRUE;
    }
}
