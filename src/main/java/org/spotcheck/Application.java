package org.spotcheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.chat.Reminders;
import org.spotcheck.config.Settings;
import org.spotcheck.config.SettingsException;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.console.ConsoleChat;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.DataFolder;
import org.spotcheck.store.Database;
import org.spotcheck.store.Inbox;
import org.spotcheck.store.KeyCheck;
import org.spotcheck.store.LegacyKeys;
import org.spotcheck.store.ReminderStore;
import org.spotcheck.store.Sealer;
import org.spotcheck.store.Retention;
import org.spotcheck.store.Secret;
import org.spotcheck.store.SecretRotation;
import org.spotcheck.store.ServingLock;
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
    private final LegacyKeys legacyKeys;
    private final Reminders reminders;
    private final Dialogue dialogue;
    private final Retention retention;
    private final Clock clock;
    private TelegramBot bot;
    /** Held while this application serves Telegram: one serving process per database. */
    private ServingLock servingLock;
    private ScheduledExecutorService hourly;
    private boolean closed;

    private Application(Settings settings, Database database, Texts texts, Secret secret, Clock clock,
                        TelegramBot bot) {
        this.settings = settings;
        this.database = database;
        this.texts = texts;
        this.chatKeys = new ChatKeys(secret);
        var sealer = new Sealer(secret);
        this.legacyKeys = new LegacyKeys(database, secret);
        this.inbox = new Inbox(database, sealer, legacyKeys, clock);
        var reminderStore = new ReminderStore(sealer);
        this.dialogue = new Dialogue(database, reminderStore, texts, clock, settings.reminderDelays());
        this.reminders = new Reminders(database, reminderStore, dialogue, texts, clock);
        this.retention = new Retention(database, clock);
        this.clock = clock;
        this.bot = bot;
    }

    /**
     * Opens the database and checks that the secret is the one that wrote it: a wrong secret is a
     * {@link StoreException} (exit status 2), found before any row is read or changed.
     */
    public static Application open(Settings settings, Clock clock) {
        return open(settings, clock, false);
    }

    /**
     * As {@link #open}, for serving Telegram: first the database's serving lock (another process
     * serving it is refused before any row is touched), then the bot is wired, so its warm-up
     * rehearses while the data is opened and a passphrase is stretched (about a second each on a
     * small machine).
     */
    public static Application openToServe(Settings settings, Clock clock) {
        return open(settings, clock, true);
    }

    private static Application open(Settings settings, Clock clock, boolean serving) {
        // First of all: a second bot on this database says only that, and leaves everything as it is.
        var lock = serving ? ServingLock.acquire(settings.database()) : null;
        TelegramBot bot = null;
        Database database = null;
        try {
            var texts = Texts.load(settings.services());
            DataFolder.ephemeral(settings.database(), System.getenv()).ifPresent(why -> log.warn("DATA WILL BE LOST: {}", why));
            DataFolder.unwritable(settings.database()).ifPresent(why -> log.warn("SPOTCHECK_DB: {}", why));
            bot = serving ? newBot(settings, texts, clock, TelegramBot.WarmUp.REHEARSE) : null;
            database = Database.open(settings.database());
            // Retention needs no key: what is due goes even when the secret turns out wrong below.
            new Retention(database, clock).run();
            var secret = Secret.of(settings.secret(), settings.secretFile(), KeyCheck.salt(database));
            KeyCheck.verify(database, secret);
            warnIfBesideTheData(settings);
            var app = new Application(settings, database, texts, secret, clock, bot);
            app.servingLock = lock;
            return app;
        } catch (RuntimeException e) {
            if (bot != null) {
                bot.stop();
            }
            if (database != null) {
                database.close();
            }
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private static TelegramBot newBot(Settings settings, Texts texts, Clock clock, TelegramBot.WarmUp warmUp) {
        return TelegramBot.create(settings.token().orElseThrow(), settings.apiUrl(), settings.keepBotDescription(), warmUp,
                () -> stage(settings, texts, clock));
    }

    /**
     * --rotate-secret NEW_FILE, with the bot stopped: moves the database to the secret in NEW_FILE,
     * generating it there first if the file does not exist (see {@link SecretRotation}). Returns what
     * to tell the operator. Refused (exit status 2) while a bot serves the database.
     */
    public static String rotateSecret(Settings settings, Path newFile, Clock clock) {
        try (var lock = ServingLock.acquire(settings.database());
             var database = Database.open(settings.database())) {
            var current = Secret.of(settings.secret(), settings.secretFile(), KeyCheck.salt(database));
            KeyCheck.verify(database, current);
            // Generated, forced to the disk and read back before the database commits to it.
            var next = Secret.of(Optional.empty(), newFile);
            try {
                var outcome = rotate(database, current, next, clock);
                return "spotcheck: the database now uses the secret in " + newFile + ": " + outcome.rekeyed()
                        + " chats re-keyed, " + outcome.erased() + " erased. Point " + SettingsLoader.SECRET_FILE
                        + " at it (unset " + SettingsLoader.SECRET + "), then destroy the old secret.";
            } catch (RuntimeException e) {
                // Nothing was rotated: a secret generated just now must not look usable.
                next.generatedFile().ifPresent(Application::deleteQuietly);
                throw e;
            }
        }
    }

    /**
     * --rotate-secret --passphrase, with the bot stopped: moves the database to a new random passphrase,
     * for deployments that set SPOTCHECK_SECRET (a platform's secret settings) and can keep no file.
     * The passphrase is printed, and flushed, before the database commits to it: a rotation that
     * fails after that says so, and the printed passphrase is then worth nothing.
     */
    public static String rotateToPassphrase(Settings settings, Clock clock, PrintStream out) {
        try (var lock = ServingLock.acquire(settings.database());
             var database = Database.open(settings.database())) {
            var current = Secret.of(settings.secret(), settings.secretFile(), KeyCheck.salt(database));
            KeyCheck.verify(database, current);
            String passphrase = Secret.newPassphrase();
            var next = Secret.of(Optional.of(passphrase), settings.secretFile(), KeyCheck.newSalt());
            out.println(SettingsLoader.SECRET + "=" + passphrase);
            out.flush();
            try {
                var outcome = rotate(database, current, next, clock);
                return "spotcheck: the database now uses the passphrase above: " + outcome.rekeyed() + " chats re-keyed, "
                        + outcome.erased() + " erased. Set " + SettingsLoader.SECRET + " to it in the platform's secret"
                        + " settings, then start the bot.";
            } catch (RuntimeException e) {
                throw new IllegalStateException("nothing was rotated; forget the passphrase printed above ("
                        + e.getMessage() + ")", e);
            }
        }
    }

    private static SecretRotation.Outcome rotate(Database database, Secret current, Secret next, Clock clock) {
        if (next.sameAs(current)) {
            throw new SettingsException("--rotate-secret: the new secret is the current one; nothing was changed");
        }
        return SecretRotation.rotate(database, current, next, clock.instant());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not remove {}: {}", file, e.getMessage());
        }
    }

    private static void warnIfBesideTheData(Settings settings) {
        if (settings.secret().isEmpty() && settings.secretFile().toAbsolutePath().getParent()
                .equals(settings.database().toAbsolutePath().getParent())) {
            log.warn("the secret file sits in the database's folder, so a copy of the data carries the key to it:"
                    + " move it elsewhere and set SPOTCHECK_SECRET_FILE (see README.md)");
        }
    }

    /**
     * Starts the bot (its start-up calls retried until they work) and the hourly clean-up; returns
     * once it polls. A {@link #close()} meanwhile ends it with InterruptedException.
     */
    public void startTelegram() throws TelegramBot.Refused, InterruptedException {
        startTelegram(TelegramBot.WarmUp.REHEARSE);
    }

    /**
     * As {@link #startTelegram()}; a bot not yet wired (opened with {@link #open}) rehearses first or
     * not, as told: tests that do not test the warm-up skip it.
     */
    public void startTelegram(TelegramBot.WarmUp warmUp) throws TelegramBot.Refused, InterruptedException {
        synchronized (this) {
            if (closed) {
                throw new InterruptedException("closed before start-up");
            }
            if (servingLock == null) {
                servingLock = ServingLock.acquire(settings.database()); // before resume(): it frees claims
            }
            reminders.resume(); // claims left by a run that stopped before sending are open again
            if (bot == null) {
                bot = newBot(settings, texts, clock, warmUp);
            }
        }
        bot.start(parts());
        synchronized (this) {
            if (closed) {
                throw new InterruptedException("closed during start-up");
            }
            hourly = Executors.newSingleThreadScheduledExecutor(runnable -> {
                var thread = new Thread(runnable, "retention");
                thread.setDaemon(true);
                return thread;
            });
            hourly.scheduleAtFixedRate(this::cleanUp, Retention.EVERY.toMinutes(), Retention.EVERY.toMinutes(),
                    TimeUnit.MINUTES);
        }
    }

    private TelegramBot.Parts parts() {
        return new TelegramBot.Parts(dialogue, chatKeys, texts, inbox, reminders);
    }

    /**
     * The same parts, wired the same way, on a database in memory and a throwaway secret: the warm-up
     * before the first poll rehearses on these, so nothing of it reaches the real data.
     */
    private static TelegramBot.Stage stage(Settings settings, Texts texts, Clock clock) {
        var memory = Database.inMemory();
        return new TelegramBot.Stage(new Application(settings, memory, texts, Secret.throwaway(), clock, null).parts(),
                memory::close);
    }

    /** Completes if polling ends on its own (see {@link TelegramBot#ended()}); only after {@link #startTelegram()}. */
    public CompletableFuture<TelegramBot.Ended> telegramEnded() {
        return bot.ended();
    }

    public ConsoleChat console(String language, BufferedReader in, PrintStream out) {
        String chatKey = chatKeys.keyFor(CONSOLE_CHAT);
        legacyKeys.recognise(CONSOLE_CHAT, chatKey);
        return new ConsoleChat(dialogue, chatKey, language, texts, in, out);
    }

    private void cleanUp() {
        try {
            retention.run();
            legacyKeys.refresh();
        } catch (RuntimeException e) {
            // Try again next time; a scheduled task that throws would never run again.
            log.error("retention failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Stops polling, lets work in hand finish, then closes the database, all within one
     * {@link TelegramBot#STOP_BOUND}; true when everything finished in time.
     */
    public boolean stop() {
        long end = System.nanoTime() + TelegramBot.STOP_BOUND.toNanos();
        TelegramBot stopping;
        ScheduledExecutorService cleaning;
        synchronized (this) {
            if (closed) {
                return true;
            }
            closed = true;
            stopping = bot;
            cleaning = hourly;
        }
        boolean inTime = stopTogether(end, cleaning, stopping == null ? deadline -> true : stopping::stopBy);
        database.close();
        if (servingLock != null) {
            servingLock.close();
        }
        return inTime;
    }

    /**
     * The hourly clean-up and the bot stop side by side, by one deadline: a clean-up under way (a
     * short transaction) finishes while the bot stops, and no wait of its own comes before or after
     * the bot's. Nothing of either runs afterwards, unless it was cut short (false).
     */
    static boolean stopTogether(long end, ScheduledExecutorService cleaning, LongPredicate stopBot) {
        if (cleaning != null) {
            cleaning.shutdown(); // the next one is dropped
        }
        boolean inTime = stopBot.test(end);
        if (cleaning != null) {
            try {
                inTime &= cleaning.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inTime = false;
            }
        }
        return inTime;
    }

    @Override
    public void close() {
        stop();
    }
}
