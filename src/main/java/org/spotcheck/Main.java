package org.spotcheck;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.spotcheck.config.Settings;
import org.spotcheck.config.SettingsException;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.console.ConsoleChat;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.ChatStore;
import org.spotcheck.store.Database;
import org.spotcheck.store.Secret;
import org.spotcheck.telegram.Redactor;
import org.spotcheck.telegram.TelegramBot;
import org.spotcheck.text.Texts;

/** Reads the settings, wires the parts and starts the Telegram bot or the console demo. */
public final class Main {

    /** Exit status for a missing or invalid setting. */
    static final int BAD_SETTINGS = 2;

    /** The console is one private chat; Telegram never gives a chat the id 0. */
    static final long CONSOLE_CHAT = 0;

    /** Counted down once the database is closed, so the shutdown hook can let the JVM go. */
    private static volatile CountDownLatch closeWhenDone;

    private Main() {
    }

    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        boolean console = options.contains("--console");
        if (console) {
            // The demo's screen is for the conversation; only warnings go to the log.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        try {
            int status = run(options, console, System.getenv());
            if (closeWhenDone != null) {
                return; // stopped by a signal: the JVM is already shutting down
            }
            System.exit(status);
        } catch (SettingsException e) {
            System.err.println("spotcheck: " + e.getMessage());
            System.exit(BAD_SETTINGS);
        }
    }

    static int run(List<String> options, boolean console, Map<String, String> environment) {
        Settings settings = SettingsLoader.load(environment);
        if (!console && settings.token().isEmpty()) {
            throw new SettingsException(SettingsLoader.TOKEN + " is not set. Create a bot with @BotFather in"
                    + " Telegram (/newbot), then run with TELEGRAM_BOT_TOKEN=<the token it gives you>."
                    + " To try SpotCheck without Telegram: java -jar target/spotcheck-bot.jar --console");
        }
        var texts = Texts.load();
        var database = Database.open(settings.database());
        var chatKeys = new ChatKeys(Secret.of(settings.secret(), settings.database()));
        var dialogue = new Dialogue(database, new ChatStore(), texts, Clock.systemUTC());
        try {
            if (console) {
                var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String language = Texts.FALLBACK;
                new ConsoleChat(dialogue, chatKeys.keyFor(CONSOLE_CHAT), language, texts.in(language), in, out).run();
                return 0;
            }
            return runBot(settings, dialogue, chatKeys, texts);
        } catch (Exception e) {
            String token = settings.token().orElse("");
            System.err.println("spotcheck: " + new Redactor(token).describe(e));
            return 1;
        } finally {
            database.close();
            if (closeWhenDone != null) {
                closeWhenDone.countDown();
            }
        }
    }

    private static int runBot(Settings settings, Dialogue dialogue, ChatKeys chatKeys, Texts texts) throws Exception {
        var stopping = new CountDownLatch(1);
        var closed = new CountDownLatch(1);
        var bot = TelegramBot.start(settings.token().orElseThrow(), settings.apiUrl(), dialogue, chatKeys, texts);
        // SIGTERM (a platform stopping the worker) and Ctrl-C: stop polling, finish what is in hand,
        // and hold the JVM until main has closed the database.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            bot.close();
            stopping.countDown();
            try {
                closed.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown"));
        closeWhenDone = closed;
        stopping.await();
        return 0;
    }
}
