package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.telegram.FakeBotApi;

/** /privacy says every message in a private chat is protected: pages about the bot included. */
class ProtectedMessagesTest {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final long CHAT = 5_123_456_789L;

    @RegisterExtension
    final BotAgainstStandIn bot = new BotAgainstStandIn(TOKEN);

    @Test
    void everyMessageSentInAPrivateChatIsProtected() {
        var person = new TelegramPerson(bot.telegram(), CHAT);
        var commands = List.of("/start", "/help", "/privacy", "/reminders", "/language", "/forget", "hello");
        for (String command : commands) {
            person.types(command);
        }
        person.waitFor(() -> sent().size() >= commands.size(), "an answer to each message");

        assertThat(sent()).allSatisfy(call -> assertThat(call.body().path("protect_content").asBoolean())
                .as("protect_content of %s", call.body().path("text").asText()).isTrue());
    }

    private List<FakeBotApi.Call> sent() {
        return bot.telegram().calls("sendMessage").stream().filter(c -> c.body().path("chat_id").asLong() == CHAT).toList();
    }
}
