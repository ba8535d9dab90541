package org.spotcheck.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Database;
import org.spotcheck.store.Inbox;
import org.spotcheck.store.KeyCheck;
import org.spotcheck.store.LegacyKeys;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Secret;

/**
 * An inbox row this release cannot read (an event written by another release, or sealed under
 * another secret) is set aside at start-up: the bot starts, serves, and does not meet it again.
 */
class UnreadableInboxRowTest {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final long CHAT = 5_123_456_789L;

    @RegisterExtension
    final BotAgainstStandIn bot = new BotAgainstStandIn(TOKEN).startedByTheTest();

    @Test
    void anUnreadableRowIsSetAsideAndTheBotStartsAndServes() throws Exception {
        Path databaseFile = bot.database();
        var secret = Secret.of(Optional.empty(), bot.secretFile());
        try (var database = Database.open(databaseFile)) {
            KeyCheck.verify(database, secret);
            var inbox = new Inbox(database, new Sealer(secret), new LegacyKeys(database, secret), Clock.systemUTC());
            String key = new ChatKeys(secret).keyFor(CHAT);
            inbox.accept(List.of(new Inbox.Entry(3, CHAT, key, "an|event|from|a|future|release", Optional.empty()),
                    new Inbox.Entry(4, CHAT, key, "command|START|||en", Optional.empty())), 4);
        }

        bot.start();

        // The readable row after it is still handled: the welcome for the /start received before the stop.
        bot.telegram().awaitCall("sendMessage", c -> c.body().path("chat_id").asLong() == CHAT, Duration.ofSeconds(15));
        new TelegramPerson(bot.telegram(), CHAT).waitFor(() -> inboxRows(databaseFile) == 0, "the inbox emptied");
    }

    private int inboxRows(Path databaseFile) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + databaseFile);
             var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM inbox")) {
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
