package org.spotcheck.store;

import java.util.Optional;

import org.spotcheck.check.Check;

/**
 * What is kept for one private chat.
 *
 * @param check             the current or last check
 * @param language          the language the chat reads, e.g. "en"
 * @param questionMessageId the Telegram message that shows the current question; edited in place
 */
public record ChatState(Optional<Check> check, String language, Optional<Integer> questionMessageId) {

    public static ChatState fresh(String language) {
        return new ChatState(Optional.empty(), language, Optional.empty());
    }

    public ChatState withCheck(Optional<Check> next) {
        return new ChatState(next, language, questionMessageId);
    }

    public ChatState withLanguage(String chosen) {
        return new ChatState(check, chosen, questionMessageId);
    }

    public ChatState withQuestionMessage(Optional<Integer> messageId) {
        return new ChatState(check, language, messageId);
    }
}
