package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.FaultyClock;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.log.Redactor;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Database;
import org.spotcheck.store.Inbox;
import org.spotcheck.store.LegacyKeys;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Secret;
import org.spotcheck.text.Texts;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where updates come in: the inbox (real SQLite) is written before anything is handed on, a
 * failing write holds the poller and is tried again, and a stopping bot leaves batches alone. The
 * real client answers to the Bot API stand-in, as everywhere else; the poller's waits are recorded,
 * not waited.
 */
class IntakeTest {

    private static final long CHAT = 4_242_001L;
    private static final String TOKEN = "1234567:token";
    private static final Duration BOUND = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private FakeBotApi telegram;
    private Database database;
    private Inbox inbox;
    private ChatLanes lanes;
    private Intake intake;
    private final List<Duration> waits = new ArrayList<>();
    /** The inbox's clock fails this many more times: how a write that fails is injected. */
    private final AtomicInteger clockFailures = new AtomicInteger();

    @BeforeEach
    void open() {
        telegram = FakeBotApi.start(TOKEN);
        var path = dir.resolve("spotcheck.db");
        database = Database.open(path);
        var secret = Secret.of(Optional.of("intake-test-secret-0123456789abcdef"), path);
        var sealer = new Sealer(secret);
        var texts = Texts.load();
        inbox = new Inbox(database, sealer, new LegacyKeys(database, secret), new FaultyClock(() -> clockFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                ? Optional.of(new IllegalStateException("injected: the inbox cannot be written"))
                : Optional.empty()));
        var dialogue = new Dialogue(database, new ReminderStore(sealer), texts, Clock.systemUTC(),
                List.of(Duration.ofDays(2)));
        lanes = new ChatLanes(2, 100, 10);
        var redactor = new Redactor(TOKEN);
        var client = new OkHttpTelegramClient(TOKEN, new TelegramUrl("http", "127.0.0.1", telegram.port(), false));
        var api = new BotApi(client, redactor, d -> { }, (d, task) -> task.run(), lanes.workers());
        var chat = new TelegramChat(dialogue, api, texts, inbox, "spotcheck_test_bot", redactor);
        intake = new Intake(inbox, new ChatKeys(secret), lanes, chat, new FloodGuard(), waits::add);
    }

    @AfterEach
    void close() {
        lanes.close(2_000);
        database.close();
        telegram.close();
    }


    private static Update start(int updateId) throws Exception {
        return new ObjectMapper().readValue("""
                {"update_id":%d,"message":{"message_id":1,"date":1764547200,"text":"/start",
                  "chat":{"id":%d,"type":"private","first_name":"Alice"},
                  "from":{"id":%d,"is_bot":false,"first_name":"Alice","language_code":"en"},
                  "entities":[{"offset":0,"length":6,"type":"bot_command"}]}}
                """.formatted(updateId, CHAT, CHAT), Update.class);
    }

    private List<FakeBotApi.Call> welcomesSent() {
        return telegram.calls("sendMessage");
    }

    private void awaitAWelcome() {
        telegram.awaitCall("sendMessage", c -> c.body().path("chat_id").asLong() == CHAT, BOUND);
    }

    @Test
    void aBatchIsHandledOnceTheInboxHasIt() throws Exception {
        intake.consume(List.of(start(10)));

        awaitAWelcome();
        await().atMost(BOUND).until(() -> inbox.pending().isEmpty());
        assertThat(waits).isEmpty();
    }

    @Test
    void whileTheInboxCannotBeWrittenThePollerIsHeldAndTriesAgainEverySecond() throws Exception {
        clockFailures.set(3);

        intake.consume(List.of(start(11)));

        assertThat(waits).containsExactly(Intake.RETRY, Intake.RETRY, Intake.RETRY);
        awaitAWelcome();
    }

    @Test
    void anUpdateTelegramSendsAgainIsHandledOnlyOnce() throws Exception {
        intake.consume(List.of(start(12)));
        awaitAWelcome();
        intake.consume(List.of(start(12)));
        lanes.close(5_000);

        assertThat(welcomesSent()).hasSize(1);
    }

    @Test
    void aBatchThatComesWhileStoppingIsLeftForTelegramToSendAgain() throws Exception {
        intake.stop();

        intake.consume(List.of(start(13)));

        assertThat(inbox.pending()).isEmpty();
        assertThat(welcomesSent()).isEmpty();
    }
}
