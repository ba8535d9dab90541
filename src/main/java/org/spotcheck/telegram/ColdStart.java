package org.spotcheck.telegram;

import java.io.IOException;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.spotcheck.check.Action;
import org.spotcheck.log.Logs;
import org.spotcheck.log.Redactor;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Inbox;
import org.spotcheck.text.Texts;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * After a deploy, the first getUpdates can bring a hundred people's /start at once, and every line
 * of the turn path then runs for the first time: classes load, Jackson builds its readers and
 * writers, and the code runs interpreted until the compiler has seen it often enough. On two cores
 * that made the first burst wait several round trips longer than the ones after it.
 *
 * <p>So before the first poll, made-up people do what that crowd does first (say /start, then start
 * the check) and a few others walk whole checks, all through the real code: Telegram's JSON read
 * into updates, the inbox (sealing, chat keys), the dialogue and its SQLite statements, rendering,
 * the Bot API client's requests and answers. It all runs on a {@link TelegramBot.Stage}:
 * a database in memory under a throwaway secret. Its client cannot reach Telegram by construction:
 * it never has the real token ({@link #TOKEN} is made up) nor Telegram's address ({@link #NOWHERE}
 * resolves to nothing, and no proxy is asked), and an interceptor answers every call before any
 * address would be looked up. Everything it logs carries the {@link Logs#REHEARSAL} mark (its own
 * thread, and the call threads while they work for it), so its lines are told from real ones. It is
 * cut short at {@link #BOUND}; it never fails the start, at worst the first burst is slower.
 */
final class ColdStart {

    private static final Logger log = LoggerFactory.getLogger(ColdStart.class);

    /**
     * The compiler takes a method after a few hundred calls: as many people as a first burst brings
     * (two getUpdates of 100) each say /start and tap Start the check, as the crowd after a deploy
     * does next; then this many others walk whole checks.
     */
    static final int FIRST_BURST = 200;
    static final int PEOPLE = 30;
    /** The longest polling waits for the warm-up; a slow machine starts with part of it done. */
    static final Duration BOUND = Duration.ofSeconds(3);
    /** A token of the right shape that is no bot's: the rehearsal never holds the real one. */
    static final String TOKEN = "1:rehearsal";
    /** A host under .invalid (RFC 6761): it never resolves, and the rehearsal's client resolves nothing anyway. */
    static final TelegramUrl NOWHERE = new TelegramUrl("http", "rehearsal.invalid", 9, false);

    private static final MediaType JSON = MediaType.get("application/json");

    private static final String BEGIN = CallbackData.encode(new Action.Begin());
    private static final String RESUME = CallbackData.encode(new Action.Resume());

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile long deadline;

    private ColdStart() {
    }

    /**
     * Starts the warm-up on a thread of its own, beside start-up. The bot's HTTP client and call
     * threads are shared, so they are warm too; the bot's token and address are never given to it.
     */
    static ColdStart begin(Supplier<TelegramBot.Stage> stage, ObjectMapper requests, OkHttpClient http, Executor calls) {
        var coldStart = new ColdStart();
        coldStart.deadline = System.nanoTime() + BOUND.toNanos();
        var thread = new Thread(() -> {
            MDC.put(Logs.REHEARSAL, Logs.REHEARSAL);
            coldStart.rehearse(stage, requests, http, marked(calls));
        }, "warm-up");
        thread.setDaemon(true);
        thread.start();
        return coldStart;
    }

    /** No warm-up: for tests that do not test it, so each bot they start does not pay for one. */
    static ColdStart skipped() {
        var coldStart = new ColdStart();
        coldStart.done.countDown();
        return coldStart;
    }

    /**
     * A client that reaches nothing: no name resolves and no proxy is asked, so without the
     * rehearsal's answers a call fails on the spot.
     */
    static OkHttpClient offline(OkHttpClient http) {
        return http.newBuilder()
                .proxy(Proxy.NO_PROXY)
                .dns(host -> {
                    throw new UnknownHostException(host + ": the rehearsal resolves no address");
                })
                .build();
    }

    /** The call threads, marked as the rehearsal's while they work for it. */
    private static Executor marked(Executor calls) {
        return task -> calls.execute(() -> {
            MDC.put(Logs.REHEARSAL, Logs.REHEARSAL);
            try {
                task.run();
            } finally {
                MDC.remove(Logs.REHEARSAL);
            }
        });
    }

    /** Ends the warm-up after the turn under way: the bot is stopping. */
    void stop() {
        deadline = System.nanoTime();
    }

    /** Whether the rehearsal has ended, whole or cut short: its thread is gone or about to be. */
    boolean finished() {
        return done.getCount() == 0;
    }

    private boolean timeLeft() {
        return deadline - System.nanoTime() > 0;
    }

    /** Waits until the warm-up is done, at most until {@link #BOUND} after it began. */
    void awaitDone() throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (!done.await(Math.max(0, left), TimeUnit.NANOSECONDS)) {
            log.debug("warm-up cut short");
        }
    }

    private void rehearse(Supplier<TelegramBot.Stage> stages, ObjectMapper requests, OkHttpClient http, Executor calls) {
        long began = System.nanoTime();
        TelegramBot.Stage stage = null;
        int turns = 0;
        try {
            stage = stages.get();
            var screens = new Screens(requests);
            var answered = offline(http).newBuilder().addInterceptor(screens).build();
            var redactor = new Redactor(TOKEN);
            var api = new BotApi(new LeanTelegramClient(requests, answered, calls, TOKEN, NOWHERE), redactor,
                    pause -> { }, (delay, task) -> task.run(), Runnable::run);
            var parts = stage.parts();
            var chat = new TelegramChat(parts.dialogue(), api, parts.texts(), parts.inbox(), "warm_up_bot", redactor);
            var random = new Random(1);
            var updateIds = new AtomicInteger();
            var turn = new Turn(chat, parts.inbox(), parts.chatKeys(), () -> deadline - System.nanoTime());
            for (long person = 1; person <= FIRST_BURST && timeLeft(); person++) {
                var update = new Updates(requests, updateIds, person, language(person));
                turn.take(update.command("/start"));
                turn.take(update.tap(BEGIN, screens.lastMessage(person)));
                turns += 2;
            }
            for (long person = FIRST_BURST + 1; person <= FIRST_BURST + PEOPLE && timeLeft(); person++) {
                var update = new Updates(requests, updateIds, person, language(person));
                turns += walkOneCheck(update, screens, turn, random);
            }
        } catch (Exception | LinkageError e) {
            log.info("warm-up stopped early ({}); the first updates may be slower", e.getClass().getSimpleName());
        } finally {
            if (stage != null) {
                stage.close().run();
            }
            log.info("warmed up: {} turns rehearsed in {} ms", turns, (System.nanoTime() - began) / 1_000_000);
            done.countDown();
        }
    }

    /** Every language the bot speaks, in turn, so each one's texts are loaded and rendered too. */
    private static String language(long person) {
        return Texts.LANGUAGES.get((int) (person % Texts.LANGUAGES.size()));
    }

    /** /start, Start the check, then any answer until a result comes: as a person taps. */
    private int walkOneCheck(Updates update, Screens screens, Turn turn, Random random) throws Exception {
        int turns = 0;
        String tap = null;
        while (turns < 30 && timeLeft()) {
            turn.take(tap == null ? update.command("/start") : update.tap(tap, screens.lastMessage(update.chat)));
            turns++;
            var buttons = screens.lastButtons(update.chat);
            var answers = buttons.stream().filter(b -> CallbackData.decode(b) instanceof Action.Choose).toList();
            if (tap == null) {
                tap = BEGIN;
            } else if (!answers.isEmpty()) {
                // The first question is the emergency screen: its last answer ("no") lets the check go on.
                tap = tap.equals(BEGIN) ? answers.get(answers.size() - 1) : answers.get(random.nextInt(answers.size()));
            } else if (buttons.contains(RESUME)) {
                tap = RESUME;
            } else {
                return turns; // a result: the check is done
            }
        }
        return turns;
    }

    /**
     * One update as the poller and a chat's lane take it: read, kept in the inbox, handled. The wait
     * for a turn ends a moment after the warm-up's deadline: a bot stopped mid-turn drops the calls
     * still waiting for a call thread, and a turn waiting on them forever would keep this thread.
     */
    private record Turn(TelegramChat chat, Inbox inbox, ChatKeys chatKeys, LongSupplier nanosLeft) {
        void take(String json) throws TelegramApiRequestException, InterruptedException, ExecutionException, TimeoutException {
            for (var received : GetUpdates.builder().build().deserializeResponse(json)) {
                var in = UpdateReader.read(received).orElseThrow();
                String chatKey = chatKeys.keyFor(in.chatId());
                inbox.accept(List.of(new Inbox.Entry(in.updateId(), in.chatId(), chatKey, in.event(), in.callbackId())),
                        in.updateId());
                chat.handle(in, chatKey).get(Math.max(0, nanosLeft.getAsLong()) + TURN_GRACE.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** How long a turn under way may still take once the deadline has passed. */
    private static final Duration TURN_GRACE = Duration.ofSeconds(1);

    /** Updates of one made-up person, shaped as Telegram sends them. */
    private static final class Updates {
        final long chat;
        private final ObjectMapper json;
        private final AtomicInteger ids;
        private final String language;

        Updates(ObjectMapper json, AtomicInteger ids, long chat, String language) {
            this.json = json;
            this.ids = ids;
            this.chat = chat;
            this.language = language;
        }

        String command(String text) {
            int id = ids.incrementAndGet();
            return "{\"ok\":true,\"result\":[{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id
                    + ",\"date\":1700000000,\"text\":\"" + text + "\",\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},"
                    + from() + ",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":" + text.length() + "}]}}]}";
        }

        String tap(String data, int messageId) {
            int id = ids.incrementAndGet();
            return "{\"ok\":true,\"result\":[{\"update_id\":" + id + ",\"callback_query\":{\"id\":\"" + id
                    + "\",\"chat_instance\":\"1\",\"data\":" + quoted(data) + "," + from() + ",\"message\":{\"message_id\":"
                    + messageId + ",\"date\":1700000000,\"text\":\"A\",\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}}}}]}";
        }

        private String from() {
            return "\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"A\",\"language_code\":\"" + language + "\"}";
        }

        private String quoted(String text) {
            try {
                return json.writeValueAsString(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Answers every Bot API call as Telegram would, without the network, and keeps the buttons of
     * the last screen sent to each chat, so the made-up person can tap one of them.
     */
    private static final class Screens implements Interceptor {
        private final ObjectMapper json;
        private final Map<Long, List<String>> buttons = new ConcurrentHashMap<>();
        private final Map<Long, Integer> messages = new ConcurrentHashMap<>();
        private int nextMessage = 1;

        Screens(ObjectMapper json) {
            this.json = json;
        }

        List<String> lastButtons(long chat) {
            return buttons.getOrDefault(chat, List.of());
        }

        int lastMessage(long chat) {
            return messages.getOrDefault(chat, 1);
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            var request = chain.request();
            var segments = request.url().pathSegments();
            String method = segments.get(segments.size() - 1).toLowerCase(java.util.Locale.ROOT);
            var body = new Buffer();
            if (request.body() != null) {
                request.body().writeTo(body);
            }
            JsonNode sent = json.readTree(body.readUtf8());
            String result = "true";
            if (method.equals("sendmessage") || method.equals("editmessagetext")) {
                long chat = sent.path("chat_id").asLong();
                int id = method.equals("sendmessage") ? next() : sent.path("message_id").asInt();
                var data = new ArrayList<String>();
                sent.path("reply_markup").path("inline_keyboard")
                        .forEach(row -> row.forEach(button -> data.add(button.path("callback_data").asText())));
                buttons.put(chat, data);
                messages.put(chat, id);
                result = "{\"message_id\":" + id + ",\"date\":1700000000,\"chat\":{\"id\":" + chat
                        + ",\"type\":\"private\"},\"text\":\"A\"}";
            }
            return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(200).message("OK")
                    .body(ResponseBody.create("{\"ok\":true,\"result\":" + result + "}", JSON)).build();
        }

        private synchronized int next() {
            return nextMessage++;
        }
    }
}
