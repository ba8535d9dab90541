package org.spotcheck.telegram;

import java.util.Locale;
import java.util.Optional;

import org.spotcheck.check.Input;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Reads Telegram updates into {@link Incoming}; updates SpotCheck has no use for read as empty. */
final class UpdateReader {

    private UpdateReader() {
    }

    public static Optional<Incoming> read(Update update) {
        int id = update.getUpdateId();
        if (update.hasCallbackQuery()) {
            var query = update.getCallbackQuery();
            var message = query.getMessage();
            if (message == null) {
                return Optional.empty(); // a button under an inline message: not ours
            }
            var chat = message.getChat();
            var language = query.getFrom() == null ? null : query.getFrom().getLanguageCode();
            return Optional.of(new Incoming(id, chat.getId(), "private".equals(chat.getType()),
                    new Input.Tap(CallbackData.decode(query.getData())), Optional.of(query.getId()),
                    Optional.of(message.getMessageId()), language, false));
        }
        if (update.hasMessage()) {
            Message message = update.getMessage();
            var language = message.getFrom() == null ? null : message.getFrom().getLanguageCode();
            return Optional.of(new Incoming(id, message.getChatId(), "private".equals(message.getChat().getType()),
                    input(message), Optional.empty(), Optional.empty(), language, false));
        }
        if (update.getMyChatMember() != null) {
            var member = update.getMyChatMember();
            var chat = member.getChat();
            boolean kicked = "kicked".equals(member.getNewChatMember().getStatus());
            if (kicked && "private".equals(chat.getType())) {
                return Optional.of(new Incoming(id, chat.getId(), true, new Input.Other(), Optional.empty(),
                        Optional.empty(), null, true));
            }
        }
        return Optional.empty();
    }

    /** A known command, or "other": typed text is never kept or looked at beyond its first word. */
    private static Input input(Message message) {
        if (!message.hasText() || !message.getText().startsWith("/")) {
            return new Input.Other();
        }
        String word = message.getText().split("[\\s@]", 2)[0].substring(1).toLowerCase(Locale.ROOT);
        return Input.Command.named(word).<Input>map(Input.Typed::new).orElseGet(Input.Other::new);
    }
}
