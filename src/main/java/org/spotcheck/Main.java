package org.spotcheck;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotcheck.config.Settings;
import org.spotcheck.config.SettingsException;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.log.Logs;
import org.spotcheck.stats.StatsCommand;
import org.spotcheck.telegram.Redactor;
import org.spotcheck.telegram.TelegramBot;
import org.spotcheck.text.Texts;

/** Reads the settings and starts the Telegram bot, or the console demo with --console. */
public final class Main {

    private static final Logger log = LoggerFactory.getLogger(Main.class);

    /** Exit status for a missing or invalid setting. */
    static final int BAD_SETTINGS = 2;

    private Main() {
    }

    public static void main(String[] args) {
        List<String> options = List.of(args);
        boolean console = options.contains("--console");
        if (console || options.contains("--check") || options.contains("--stats")) {
            // The demo's screen is for the conversation, a command's for its answer: only warnings go to the log.
            Logs.quiet();
        }
        exit(run(options, console, System.getenv(), Clock.systemUTC()));
    }

    /** Exit status once polling has stopped on its own: the platform should start the bot again. */
    static final int POLLING_STOPPED = 1;
    /** Exit status of a JVM stopped by SIGTERM whose stop was cut short: 128 + 15. */
    static final int TERMINATED = 143;

    /**
     * Who decides the exit status: main (polling ended, start-up refused) or the shutdown hook (a
     * SIGTERM or Ctrl-C came first). Whoever comes second leaves it to the first.
     */
    private static final AtomicBoolean decided = new AtomicBoolean();

    static void exit(int status) {
        if (decided.compareAndSet(false, true)) {
            System.exit(status); // runs the shutdown hook, which closes what is still open
        }
        try {
            Thread.sleep(Long.MAX_VALUE); // the shutdown hook is stopping the program and ends the JVM
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int run(List<String> options, boolean console, Map<String, String> environment) {
        return run(options, console, environment, Clock.systemUTC());
    }

    /** The exit status; a bad setting is one line and status 2, found before anything is created. */
    static int run(List<String> options, boolean console, Map<String, String> environment, Clock clock) {
        try {
            int export = options.indexOf("--export-flow");
            if (export >= 0) {
                return exportFlow(options, export);
            }
            String language = console ? language(options) : Texts.FALLBACK;
            Logs.checkSettings(environment);
            Settings settings = SettingsLoader.load(environment);
            int rotate = options.indexOf("--rotate-secret");
            if (rotate >= 0) {
                if (rotate + 1 >= options.size()) {
                    throw new SettingsException("--rotate-secret needs the new secret's file (created if missing), e.g."
                            + " --rotate-secret /etc/spotcheck/secret.new, or --passphrase to print a new SPOTCHECK_SECRET");
                }
                String to = options.get(rotate + 1);
                System.out.println(to.equals("--passphrase") ? Application.rotateToPassphrase(settings, clock, System.out)
                        : Application.rotateSecret(settings, java.nio.file.Path.of(to), clock));
                return 0;
            }
            if (options.contains("--stats")) {
                return StatsCommand.run(settings.database(), options.contains("--json"), System.out, clock);
            }
            if (!console && settings.token().isEmpty()) {
                throw new SettingsException(SettingsLoader.TOKEN + " is not set. Create a bot with @BotFather in"
                        + " Telegram (/newbot), then run with TELEGRAM_BOT_TOKEN=<the token it gives you>."
                        + " To try SpotCheck without Telegram: java -jar target/spotcheck-bot.jar --console");
            }
            if (options.contains("--check")) {
                return Preflight.run(settings, environment, System.out);
            }
            var redactor = new Redactor(settings.token().orElse(""));
            try {
                return console ? converse(Application.open(settings, clock), language)
                        : serve(Application.openToServe(settings, clock));
            } catch (SettingsException e) {
                throw e; // e.g. a secret that did not write this database: exit status 2
            } catch (RuntimeException e) {
                System.err.println("spotcheck: " + redactor.describe(e));
                return 1;
            }
        } catch (SettingsException e) {
            System.err.println("spotcheck: " + e.getMessage());
            return BAD_SETTINGS;
        }
    }

    private static int converse(Application app, String language) {
        try (app) {
            var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            app.console(language, in, out).run();
            return 0;
        } catch (java.io.IOException e) {
            System.err.println("spotcheck: the console could not be read: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Serves Telegram until polling ends on its own (then a non-zero status, so the platform starts
     * the bot again) or until SIGTERM or Ctrl-C. The stop is the shutdown hook's, in place before
     * start-up begins, because start-up may wait out an outage for a long time.
     */
    private static int serve(Application app) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            boolean fromOutside = decided.compareAndSet(false, true);
            boolean inTime = app.stop();
            if (fromOutside) {
                // Stopped from outside (SIGTERM, Ctrl-C): the JVM would report 143 even after an orderly stop.
                log.info("stopped");
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(inTime ? 0 : TERMINATED);
            }
        }, "shutdown"));
        try {
            app.startTelegram();
            var ended = app.telegramEnded().join();
            System.err.println("spotcheck: " + ended.reason());
            return ended.refused() ? BAD_SETTINGS : POLLING_STOPPED;
        } catch (TelegramBot.Refused e) {
            System.err.println("spotcheck: " + e.getMessage());
            return BAD_SETTINGS;
        } catch (InterruptedException e) {
            // Stopped during start-up: the shutdown hook is closing everything and decides the status.
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** --lang xx for the console: one of the languages in messages/. */
    private static String language(List<String> options) {
        int at = options.indexOf("--lang");
        if (at < 0) {
            return Texts.FALLBACK;
        }
        String wanted = at + 1 < options.size() ? options.get(at + 1) : "";
        if (!Texts.LANGUAGES.contains(wanted)) {
            throw new SettingsException("--lang must be one of " + String.join(", ", Texts.LANGUAGES));
        }
        return wanted;
    }

    /** --export-flow DIR: the clinical review view (flow.md, content.md) from the code's own definitions. */
    private static int exportFlow(List<String> options, int at) {
        if (at + 1 >= options.size()) {
            throw new SettingsException("--export-flow needs a folder, e.g. --export-flow docs");
        }
        var dir = java.nio.file.Path.of(options.get(at + 1));
        try {
            org.spotcheck.review.FlowExport.export(dir);
            System.out.println("wrote " + dir.resolve("flow.md") + " and " + dir.resolve("content.md"));
            return 0;
        } catch (java.io.IOException e) {
            System.err.println("spotcheck: cannot write the review view to " + dir + ": " + e.getMessage());
            return 1;
        }
    }
}
