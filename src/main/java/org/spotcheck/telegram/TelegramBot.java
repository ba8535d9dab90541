package org.spotcheck.telegram;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.Dialogue;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Database;
import org.spotcheck.store.Inbox;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.text.Messages;
import org.spotcheck.text.Texts;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The bot on long polling: wires the TelegramBots poller and client to the chat handler, owns
 * every thread it starts, and stops them all on {@link #close()}.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

    /** Only what SpotCheck reads; everything else Telegram would send is not even fetched. */
    static final List<String> UPDATE_TYPES = List.of("message", "callback_query", "my_chat_member");

    /** Threads for chats' work between network calls (SQLite, rendering): about one per core is enough. */
    static final int WORKERS = 4;
    /** Bot API calls on the network at once; each holds one of OkHttp's threads while it waits. */
    static final int MAX_CALLS = 256;
    static final int MAX_PENDING = 10_000;
    static final int MAX_PENDING_PER_CHAT = 50;
    /** Tries to start polling before giving up: with the bounded back-off, about half a minute. */
    static final int START_ATTEMPTS = 8;

    private final TelegramBotsLongPollingApplication poller;
    private final ScheduledExecutorService pollerThread;
    private final ScheduledExecutorService reminderThread;
    private final ChatLanes lanes;
    private final OkHttpClient http;
    private final OkHttpClient pollHttp;

    private TelegramBot(TelegramBotsLongPollingApplication poller, ScheduledExecutorService pollerThread,
                        ScheduledExecutorService reminderThread, ChatLanes lanes, OkHttpClient http,
                        OkHttpClient pollHttp) {
        this.poller = poller;
        this.pollerThread = pollerThread;
        this.reminderThread = reminderThread;
        this.lanes = lanes;
        this.http = http;
        this.pollHttp = pollHttp;
    }

    /** What the bot works with, wired by the application. */
    public record Parts(Dialogue dialogue, ChatKeys chatKeys, Texts texts, Inbox inbox, Database database,
                        ReminderStore reminders, Clock clock) {
    }

    public static TelegramBot start(String token, URI apiUrl, Parts parts) throws TelegramApiException {
        var dialogue = parts.dialogue();
        var texts = parts.texts();
        var url = telegramUrl(apiUrl);
        var redactor = new Redactor(token);
        RedactingOutput.install(redactor);
        var http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                // As many idle connections as calls can be in flight: OkHttp's default of 5 would close
                // and reopen connections all the time under a crowd.
                .connectionPool(new ConnectionPool(MAX_CALLS, 5, TimeUnit.MINUTES))
                .build();
        // Every call goes to one host; OkHttp's default of 5 at once would queue the crowd.
        http.dispatcher().setMaxRequests(MAX_CALLS);
        http.dispatcher().setMaxRequestsPerHost(MAX_CALLS);
        // The poller gets its own client, so stopping it cancels the long poll and nothing else.
        var pollHttp = http.newBuilder()
                .readTimeout(Duration.ofSeconds(75)) // longer than getUpdates' long-poll timeout
                .build();
        var requests = new ObjectMapper();
        ColdStart.warmUpInBackground(requests);
        var api = new BotApi(new OkHttpTelegramClient(requests, http, token, url), redactor, d -> Thread.sleep(d.toMillis()));

        String username;
        try {
            username = api.call(new GetMe()).getUserName();
        } catch (BotApiException e) {
            throw new TelegramApiException("cannot reach the Bot API: " + e.getMessage());
        }

        var chat = new TelegramChat(dialogue, api, texts, parts.inbox(), username, redactor);
        var lanes = new ChatLanes(WORKERS, MAX_PENDING, MAX_PENDING_PER_CHAT);
        var intake = new Intake(parts.inbox(), parts.chatKeys(), lanes, chat, new FloodGuard());
        intake.resume();
        var delivery = new ReminderDelivery(parts.database(), parts.reminders(), dialogue, api, texts, parts.clock(),
                d -> Thread.sleep(d.toMillis()));
        ScheduledExecutorService reminderThread = Executors.newSingleThreadScheduledExecutor(ChatLanes.named("reminders"));
        // The command menu is registered beside polling, not before it: people should not wait for it.
        reminderThread.execute(() -> {
            try {
                registerCommands(api, texts);
            } catch (BotApiException e) {
                log.warn("command menu not registered: {}", e.getMessage());
            }
        });
        reminderThread.scheduleWithFixedDelay(delivery::deliverDue, 0, 1, TimeUnit.SECONDS);
        // TelegramBots' own scheduler thread is not a daemon and is never shut down by the library.
        ScheduledExecutorService pollerThread = Executors.newSingleThreadScheduledExecutor(ChatLanes.named("poller"));
        var poller = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollHttp, () -> pollerThread,
                BoundedBackOff::new);
        var bot = new TelegramBot(poller, pollerThread, reminderThread, lanes, http, pollHttp);
        // TelegramBots calls deleteWebhook once, without retrying: one 502 must not stop the start.
        var backOff = new BoundedBackOff();
        for (int attempt = 1; ; attempt++) {
            try {
                poller.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(UPDATE_TYPES), intake);
                break;
            } catch (TelegramApiException e) {
                if (attempt == START_ATTEMPTS) {
                    bot.close();
                    throw new TelegramApiException("cannot start polling: " + redactor.describe(e));
                }
                log.warn("starting to poll failed (attempt {}), trying again", attempt);
                try {
                    Thread.sleep(backOff.nextBackOffMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    bot.close();
                    throw new TelegramApiException("stopped while starting");
                }
            }
        }
        log.info("polling for updates as @{}", username);
        return bot;
    }

    /** /start /help /privacy /forget /reminders /language in the menu, in every language the bot speaks. */
    static void registerCommands(BotApi api, Texts texts) throws BotApiException {
        for (Messages m : texts.all()) {
            var commands = new ArrayList<BotCommand>();
            for (String command : List.of("start", "help", "privacy", "forget", "reminders", "language")) {
                commands.add(new BotCommand(command, m.get("command." + command)));
            }
            var set = SetMyCommands.builder().commands(commands);
            if (!m.language().equals(Texts.FALLBACK)) {
                set.languageCode(m.language().substring(0, 2)); // Telegram takes ISO 639-1: "pt", not "pt-BR"
            }
            api.call(set.build());
        }
    }

    /** TelegramBots takes scheme, host and port, no path; a URL without a port uses the scheme's. */
    static TelegramUrl telegramUrl(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        return new TelegramUrl(uri.getScheme(), uri.getHost(), port, false);
    }

    @Override
    public void close() {
        try {
            poller.close();
        } catch (Exception e) {
            log.warn("stopping the poller: {}", e.getClass().getSimpleName());
        }
        pollerThread.shutdownNow();
        reminderThread.shutdownNow();
        pollHttp.dispatcher().cancelAll();
        lanes.close(3_000);
        for (var client : List.of(http, pollHttp)) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        try {
            pollerThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
