package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.chat.Reminders;
import org.spotcheck.log.Logs;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Database;
import org.spotcheck.store.Inbox;
import org.spotcheck.store.LegacyKeys;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Secret;
import org.spotcheck.text.Texts;

import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The warm-up cannot reach Telegram by construction: it holds no real token and no real address,
 * and its client resolves nothing, so only its own answers keep it going. What it does is marked.
 */
class ColdStartTest {

    /** One call the rehearsal made: where to, and whether its thread carried the rehearsal's mark. */
    private record Seen(String host, String firstSegment, boolean marked) {
    }

    @RegisterExtension
    final LeanClients clients = new LeanClients(ColdStart.TOKEN);

    @Test
    void withoutItsAnswersTheRehearsalsClientReachesNothingNotEvenThroughAProxy() {
        var telegram = clients.telegram();
        var proxied = new OkHttpClient.Builder()
                .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", telegram.port()))).build();
        var call = ColdStart.offline(proxied).newCall(new Request.Builder()
                .url("http://" + ColdStart.NOWHERE.getHost() + ":" + ColdStart.NOWHERE.getPort() + "/bot" + ColdStart.TOKEN + "/getMe")
                .build());

        assertThatThrownBy(call::execute).isInstanceOf(UnknownHostException.class).hasMessageContaining("resolves no address");
        assertThat(telegram.calls()).isEmpty();
    }

    @Test
    void everyCallOfTheRehearsalGoesNowhereUnderAMadeUpTokenAndIsMarked() throws Exception {
        var seen = new CopyOnWriteArrayList<Seen>();
        var http = new OkHttpClient.Builder().addInterceptor(chain -> {
            var url = chain.request().url();
            seen.add(new Seen(url.host(), url.pathSegments().get(0), Logs.REHEARSAL.equals(MDC.get(Logs.REHEARSAL))));
            return chain.proceed(chain.request());
        }).build();
        var calls = clients.callThreads(4);
        var stage = stage(); // ready before the rehearsal's clock starts, so even a slow machine rehearses a turn

        var coldStart = ColdStart.begin(() -> stage, new ObjectMapper(), http, calls);
        await().atMost(Duration.ofSeconds(30)).until(() -> !seen.isEmpty());
        coldStart.stop();

        assertThat(seen).isNotEmpty().allSatisfy(call -> {
            assertThat(call.host()).isEqualTo("rehearsal.invalid");
            assertThat(call.firstSegment()).isEqualTo("bot" + ColdStart.TOKEN);
            assertThat(call.marked()).as("the call thread carries the rehearsal's mark").isTrue();
        });
    }

    @Test
    void aRehearsalWhoseCallsAreDroppedByAStoppingBotStillEnds() throws Exception {
        // A stopping bot drops the calls still waiting for a call thread: their turn never completes.
        var dropped = new AtomicInteger();
        Executor dropsEverything = task -> dropped.incrementAndGet();
        var stage = stage();
        var coldStart = ColdStart.begin(() -> stage, new ObjectMapper(), new OkHttpClient(), dropsEverything);
        await().atMost(Duration.ofSeconds(30)).until(() -> dropped.get() > 0); // a turn is waiting on its call

        coldStart.stop();

        await().atMost(Duration.ofSeconds(10)).until(coldStart::finished);
    }

    /** The parts the application gives the warm-up: on a database in memory, under a throwaway secret. */
    private static TelegramBot.Stage stage() {
        var database = Database.inMemory();
        var secret = Secret.throwaway();
        var sealer = new Sealer(secret);
        var clock = Clock.systemUTC();
        var texts = Texts.load();
        var reminders = new ReminderStore(sealer);
        var dialogue = new Dialogue(database, reminders, texts, clock, List.of(Duration.ofDays(2), Duration.ofDays(7)));
        var parts = new TelegramBot.Parts(dialogue, new ChatKeys(secret), texts,
                new Inbox(database, sealer, new LegacyKeys(database, secret), clock),
                new Reminders(database, reminders, dialogue, texts, clock));
        return new TelegramBot.Stage(parts, database::close);
    }
}
