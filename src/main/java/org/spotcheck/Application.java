package org.spotcheck;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.config.Settings;
import org.spotcheck.console.ConsoleChat;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.Database;
import org.spotcheck.store.Inbox;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Retention;
import org.spotcheck.store.Secret;
import org.spotcheck.telegram.TelegramBot;
import org.spotcheck.text.Texts;

/** The parts wired together from the settings; Main and the end-to-end tests start it the same way. */
public final class Application implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Application.class);

    /** The console is one private chat; Telegram never gives a chat the id 0. */
    static final long CONSOLE_CHAT = 0;

    private final Settings settings;
    private final Database database;
    private final Texts texts;
    private final ChatKeys chatKeys;
    private final Inbox inbox;
    private final ReminderStore reminders;
    private final Clock clock;
    private final Dialogue dialogue;
    private final Retention retention;
    private TelegramBot bot;
    private ScheduledExecutorService daily;
    private boolean closed;

    private Application(Settings settings, Database database, Texts texts, Secret secret, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.texts = texts;
        this.chatKeys = new ChatKeys(secret);
        var sealer = new Sealer(secret);
        this.inbox = new Inbox(database, sealer, clock);
        this.reminders = new ReminderStore(sealer);
        this.clock = clock;
        this.dialogue = new Dialogue(database, reminders, texts, clock, settings.reminderDelays());
        this.retention = new Retention(database, clock);
    }

    public static Application open(Settings settings, Clock clock) {
        var texts = Texts.load();
        var database = Database.open(settings.database());
        try {
            var app = new Application(settings, database, texts, Secret.of(settings.secret(), settings.database()), clock);
            app.retention.run();
            return app;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Starts the bot (its start-up calls retried until they work) and the daily clean-up; returns
     * once it polls. A {@link #close()} meanwhile ends it with InterruptedException.
     */
    public void startTelegram() throws TelegramBot.Refused, InterruptedException {
        synchronized (this) {
            if (closed) {
                throw new InterruptedException("closed before start-up");
            }
            bot = TelegramBot.create(settings.token().orElseThrow(), settings.apiUrl(),
                    new TelegramBot.Parts(dialogue, chatKeys, texts, inbox, database, reminders, clock));
        }
        bot.start();
        synchronized (this) {
            if (closed) {
                throw new InterruptedException("closed during start-up");
            }
            daily = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "retention");
                thread.setDaemon(true);
                return thread;
            });
            daily.scheduleAtFixedRate(this::cleanUp, 1, 1, TimeUnit.DAYS);
        }
    }

    /** Completes if polling ends on its own (see {@link TelegramBot#ended()}); only after {@link #startTelegram()}. */
    public CompletableFuture<TelegramBot.Ended> telegramEnded() {
        return bot.ended();
    }

    public ConsoleChat console(String language, BufferedReader in, PrintStream out) {
        return new ConsoleChat(dialogue, chatKeys.keyFor(CONSOLE_CHAT), language, texts, in, out);
    }

    private void cleanUp() {
        try {
            retention.run();
        } catch (RuntimeException e) {
            // Try again tomorrow; a scheduled task that throws would never run again.
            log.error("retention failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Stops polling, lets work in hand finish (within {@link TelegramBot#STOP_BOUND}), then closes the
     * database; true when everything finished in time.
     */
    public boolean stop() {
        TelegramBot stopping;
        ScheduledExecutorService cleaning;
        synchronized (this) {
            if (closed) {
                return true;
            }
            closed = true;
            stopping = bot;
            cleaning = daily;
        }
        boolean inTime = true;
        if (cleaning != null) {
            cleaning.shutdown(); // tomorrow's is dropped; one under way is a short transaction
            try {
                inTime = cleaning.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (stopping != null) {
            inTime &= stopping.stop();
        }
        database.close();
        return inTime;
    }

    @Override
    public void close() {
        stop();
    }
}
