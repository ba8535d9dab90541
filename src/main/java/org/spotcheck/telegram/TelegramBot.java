package org.spotcheck.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.chat.Reminders;
import org.spotcheck.log.Logs;
import org.spotcheck.check.Input;
import org.spotcheck.log.Redactor;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Inbox;
import org.spotcheck.text.Messages;
import org.spotcheck.text.Texts;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The bot on long polling: wires the TelegramBots poller and client to the chat handler, owns
 * every thread it starts, says when polling has ended on its own ({@link #ended()}), and stops
 * everything, in order and within {@link #STOP_BOUND}, on {@link #stop()}.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    /** Start-up or polling cannot go on until an operator acts: a bad token, or another process polling. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Polling ended without {@link #stop()}: refused (an operator must act; restarting will not help),
     * or it stopped (restarting helps, and the inbox makes that safe).
     */
    public record Ended(boolean refused, String reason) {
    }

    /** What the bot works with, wired by the application. */
    public record Parts(Dialogue dialogue, ChatKeys chatKeys, Texts texts, Inbox inbox, Reminders reminders) {
    }

    /** Parts on data that is thrown away, for the warm-up before the first poll ({@link ColdStart}). */
    public record Stage(Parts parts, Runnable close) {
    }

    /** Whether the bot rehearses before its first poll ({@link ColdStart}); tests that do not test it skip it. */
    public enum WarmUp { REHEARSE, SKIP }

    /** Only what SpotCheck reads; everything else Telegram would send is not even fetched. */
    static final List<String> UPDATE_TYPES = List.of("message", "callback_query", "my_chat_member");
    /**
     * How long one getUpdates waits for news. Short, so a stop lets the poll under way end by itself:
     * a cancelled poll is logged by TelegramBots as an error, and a stop should log none.
     */
    static final int POLL_SECONDS = 4;

    /** Threads for chats' work between network calls (SQLite, rendering): about one per core is enough. */
    static final int WORKERS = 4;
    /** Bot API calls on the network at once; each holds one call thread while it waits, more wait their turn. */
    static final int MAX_CALLS = 256;
    static final int MAX_PENDING = 10_000;
    static final int MAX_PENDING_PER_CHAT = 50;
    /** The longest {@link #stop()} takes; the README promises 10 s, the rest is for the database and the JVM. */
    public static final Duration STOP_BOUND = Duration.ofSeconds(8);

    private final String token;
    private final boolean keepDescription;
    private final TelegramUrl url;
    private final Redactor redactor;
    private final OkHttpClient http;
    private final OkHttpClient pollHttp;
    private final ThreadPoolExecutor calls;
    private final PollWatch watch;
    private final PollerThread pollerThread;
    private final ScheduledExecutorService reminderThread;
    private final ScheduledExecutorService timers;
    private final ChatLanes lanes;
    private final BotApi api;
    private final ColdStart coldStart;
    private final TelegramBotsLongPollingApplication poller;
    private final CompletableFuture<Ended> ended = new CompletableFuture<>();
    private final CountDownLatch startReturned = new CountDownLatch(1);
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile Intake intake;
    private volatile Thread starting;
    private volatile boolean stopping;

    private TelegramBot(String token, URI apiUrl, boolean keepDescription, WarmUp warmUp, Supplier<Stage> stage) {
        this.token = token;
        this.keepDescription = keepDescription;
        this.url = telegramUrl(apiUrl);
        this.redactor = new Redactor(token);
        Logs.hide(redactor);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                // As many idle connections as calls can be in flight: OkHttp's default of 5 would close
                // and reopen connections all the time under a crowd.
                .connectionPool(new ConnectionPool(MAX_CALLS, 5, TimeUnit.MINUTES))
                .build();
        this.watch = new PollWatch(this::refused, System::nanoTime);
        // The poller gets its own client, so stopping it cancels the long poll and nothing else.
        this.pollHttp = http.newBuilder()
                .readTimeout(Duration.ofSeconds(POLL_SECONDS + 20)) // longer than getUpdates' long-poll timeout
                .addInterceptor(watch)
                .build();
        this.lanes = new ChatLanes(WORKERS, MAX_PENDING, MAX_PENDING_PER_CHAT);
        this.timers = Executors.newSingleThreadScheduledExecutor(ChatLanes.named("retry-timer"));
        var requests = new ObjectMapper();
        this.calls = LeanTelegramClient.callThreads(MAX_CALLS);
        this.api = new BotApi(new LeanTelegramClient(requests, http, calls, token, url), redactor, this::pause,
                (delay, task) -> timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS), lanes.workers());
        // Beside start-up: the first burst after a deploy should find the turn path loaded and compiled.
        this.coldStart = warmUp == WarmUp.REHEARSE ? ColdStart.begin(stage, requests, http, calls) : ColdStart.skipped();
        this.reminderThread = Executors.newSingleThreadScheduledExecutor(ChatLanes.named("reminders"));
        // TelegramBots' own scheduler thread is not a daemon and is never shut down by the library.
        this.pollerThread = new PollerThread(this::pollingEnded);
        this.poller = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollerThread,
                BoundedBackOff::new);
    }

    /**
     * The bot wired up, before any network call, its warm-up under way ({@link ColdStart}): so it can
     * be created before the application's own parts are, and rehearse meanwhile. {@link #stop()}
     * works from here on.
     *
     * @param keepDescription leave the description and short description set in BotFather as they are
     * @param warmUp          rehearse before the first poll, or not (tests that do not test it skip it)
     */
    public static TelegramBot create(String token, URI apiUrl, boolean keepDescription, WarmUp warmUp, Supplier<Stage> stage) {
        return new TelegramBot(token, apiUrl, keepDescription, warmUp, stage);
    }

    /**
     * Start-up: each call retried on its own until it works ({@link StartUp}), then polling. Blocks
     * until the bot polls; a {@link #stop()} meanwhile ends it with InterruptedException.
     */
    public void start(Parts parts) throws Refused, InterruptedException {
        starting = Thread.currentThread();
        try {
            if (stopping) {
                throw new InterruptedException("stopped before start-up");
            }
            var startUp = new StartUp(this::pause, System::nanoTime);
            String username = startUp.required("getMe", () -> api.call(new GetMe())).getUserName();
            var chat = new TelegramChat(parts.dialogue(), api, parts.texts(), parts.inbox(), username, redactor);
            intake = new Intake(parts.inbox(), parts.chatKeys(), lanes, chat, new FloodGuard(), this::pause);
            // TelegramBots calls deleteWebhook once, without retrying, and leaves a half-registered bot
            // behind when it fails: with the webhook already gone, that call rarely fails, and when it
            // does, the registration is undone before the next round.
            startUp.required("deleteWebhook", () -> api.call(new DeleteWebhook()));
            intake.resume();
            coldStart.awaitDone();
            startUp.required("polling", this::register);
            log.info("polling for updates as @{}", username);
            // People should not wait for the menu: it is set beside polling.
            reminderThread.execute(() -> profile(startUp, parts.texts()));
            var delivery = new ReminderDelivery(parts.reminders(), api, lanes, this::pause);
            reminderThread.scheduleWithFixedDelay(delivery::deliverDue, 0, 1, TimeUnit.SECONDS);
        } finally {
            starting = null;
            startReturned.countDown();
        }
    }

    private Void register() throws TelegramApiException {
        try {
            poller.registerBot(token, () -> url, offset -> GetUpdates.builder().offset(offset + 1).limit(100)
                    .timeout(POLL_SECONDS).allowedUpdates(UPDATE_TYPES).build(), intake);
            return null;
        } catch (TelegramApiException e) {
            try {
                poller.unregisterBot(token); // registering again would fail with "Bot is already registered"
            } catch (TelegramApiException notRegistered) {
                log.debug("nothing to unregister: {}", notRegistered.getMessage());
            }
            throw e;
        }
    }

    /** What people see of the bot outside a chat; it serves without them if Telegram will not take them. */
    private void profile(StartUp startUp, Texts texts) {
        try {
            startUp.optional("setMyCommands", () -> registerCommands(api, texts));
            startUp.optional("setMyDescription", () -> BotProfile.register(api, texts, keepDescription));
        } catch (Refused e) {
            refused(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping
        }
    }

    /** The commands of {@link Input.Command} in the menu, in every language the bot speaks. */
    static Void registerCommands(BotApi api, Texts texts) throws BotApiException {
        for (Messages m : texts.all()) {
            var commands = new ArrayList<BotCommand>();
            for (Input.Command command : Input.Command.values()) {
                commands.add(new BotCommand(command.word(), m.get("command." + command.word())));
            }
            var set = SetMyCommands.builder().commands(commands);
            if (!m.language().equals(Texts.FALLBACK)) {
                set.languageCode(m.language().substring(0, 2)); // Telegram takes ISO 639-1: "pt", not "pt-BR"
            }
            api.call(set.build());
        }
        return null;
    }

    /** TelegramBots takes scheme, host and port, no path; a URL without a port uses the scheme's. */
    static TelegramUrl telegramUrl(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    /**
     * How the bot's own threads wait (back-off, retry_after, pacing): like sleeping, but a stop ends
     * the wait at once, as an interruption, where a real interrupt can be swallowed by the HTTP client.
     */
    private void pause(Duration duration) throws InterruptedException {
        if (stopSignal.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new InterruptedException("stopping");
        }
    }

    /** Completes when polling has ended other than by {@link #stop()}; the process should then exit. */
    public CompletableFuture<Ended> ended() {
        return ended;
    }

    private void refused(Refused e) {
        if (!stopping) {
            ended.complete(new Ended(true, e.getMessage()));
        }
    }

    private void pollingEnded(Throwable why) {
        if (stopping) {
            return;
        }
        String reason = "polling stopped: " + redactor.describe(why);
        log.error(reason);
        ended.complete(new Ended(false, reason));
    }

    /**
     * Stops polling, lets the chats' work in hand, reminders and calls in flight finish, and stops
     * every thread, within {@link #STOP_BOUND}; true when everything finished in time. Afterwards
     * nothing of the bot runs, so the database can close.
     */
    public boolean stop() {
        return stopBy(System.nanoTime() + STOP_BOUND.toNanos());
    }

    /**
     * As {@link #stop()}, by {@code end} ({@link System#nanoTime()}): for a caller that stops more
     * than the bot within one bound.
     */
    public boolean stopBy(long end) {
        stopping = true;
        stopSignal.countDown();
        coldStart.stop();
        boolean inTime = true;
        var startUp = starting;
        if (startUp != null) {
            startUp.interrupt();
            http.dispatcher().cancelAll(); // a start-up call may hang on the network for many seconds
            inTime = await(startReturned, end);
        }
        var receiving = intake;
        if (receiving != null) {
            receiving.stop(); // a batch that comes now is left unconfirmed with Telegram, which sends it again
        }
        try {
            poller.close(); // no next poll; the one under way ends within POLL_SECONDS
        } catch (Exception e) {
            log.warn("stopping the poller: {}", e.getClass().getSimpleName());
        }
        reminderThread.shutdown(); // no new rounds; the one under way ends
        // Chats' work in hand goes on meanwhile; once the poller is done, nothing new joins the lanes.
        inTime &= finish(pollerThread, end);
        inTime &= lanes.close(Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        inTime &= finish(reminderThread, end);
        timers.shutdownNow(); // retries not yet due are dropped: nothing would take their answers
        for (var client : List.of(http, pollHttp)) {
            client.dispatcher().cancelAll();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        // The calls under way were cancelled above; one still waiting for a call thread is dropped, as
        // no chat is left to take its answer.
        calls.shutdownNow();
        if (!inTime) {
            log.warn("stopped after {} s with work unfinished; it is in the inbox for the next start",
                    STOP_BOUND.toSeconds());
        }
        return inTime;
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean finish(ExecutorService executor, long end) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        return false;
    }

    private static boolean await(CountDownLatch latch, long end) {
        try {
            return latch.await(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
