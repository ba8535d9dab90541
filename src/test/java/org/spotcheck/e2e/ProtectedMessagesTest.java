package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.Application;
import org.spotcheck.telegram.FakeBotApi;

/** /privacy says every message in a private chat is protected: pages about the bot included. */
class ProtectedMessagesTest {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final long CHAT = 5_123_456_789L;

    @TempDir
    Path dir;

    private FakeBotApi telegram;
    private Application app;

    @BeforeEach
    void start() throws Exception {
        telegram = FakeBotApi.start(TOKEN);
        app = InProcessBot.started(InProcessBot.settings(telegram, TOKEN, dir.resolve("spotcheck.db"),
                Map.of("SPOTCHECK_SECRET_FILE", dir.resolve("secret").toString())));
    }

    @AfterEach
    void stop() {
        InProcessBot.stop(app, telegram);
    }

    @Test
    void everyMessageSentInAPrivateChatIsProtected() {
        var person = new TelegramPerson(telegram, CHAT);
        var commands = List.of("/start", "/help", "/privacy", "/reminders", "/language", "/forget", "hello");
        for (String command : commands) {
            person.types(command);
        }
        person.waitFor(() -> sent().size() >= commands.size(), "an answer to each message");

        assertThat(sent()).allSatisfy(call -> assertThat(call.body().path("protect_content").asBoolean())
                .as("protect_content of %s", call.body().path("text").asText()).isTrue());
    }

    private List<FakeBotApi.Call> sent() {
        return telegram.calls("sendMessage").stream().filter(c -> c.body().path("chat_id").asLong() == CHAT).toList();
    }
}
