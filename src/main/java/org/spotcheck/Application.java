package org.spotcheck;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.config.Settings;
import org.spotcheck.console.ConsoleChat;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.DataFolder;
import org.spotcheck.store.Database;
import org.spotcheck.store.Inbox;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Retention;
import org.spotcheck.store.Secret;
import org.spotcheck.telegram.TelegramBot;
import org.spotcheck.text.Texts;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

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
        DataFolder.ephemeral(settings.database(), System.getenv()).ifPresent(why -> log.warn("DATA WILL BE LOST: {}", why));
        DataFolder.unwritable(settings.database()).ifPresent(why -> log.warn("SPOTCHECK_DB: {}", why));
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

    /** Starts polling Telegram, and the daily clean-up. */
    public void startTelegram() throws TelegramApiException {
        bot = TelegramBot.start(settings.token().orElseThrow(), settings.apiUrl(),
                new TelegramBot.Parts(dialogue, chatKeys, texts, inbox, database, reminders, clock));
        daily = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "retention");
            thread.setDaemon(true);
            return thread;
        });
        daily.scheduleAtFixedRate(this::cleanUp, 1, 1, TimeUnit.DAYS);
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

    /** Stops polling, lets work in hand finish, then closes the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (daily != null) {
            daily.shutdownNow();
        }
        if (bot != null) {
            bot.close();
        }
        database.close();
    }
}
