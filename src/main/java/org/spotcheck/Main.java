package org.spotcheck;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.spotcheck.config.Settings;
import org.spotcheck.config.SettingsException;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.log.Logs;
import org.spotcheck.stats.StatsCommand;
import org.spotcheck.telegram.Redactor;
import org.spotcheck.text.Texts;

/** Reads the settings and starts the Telegram bot, or the console demo with --console. */
public final class Main {

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
        int status;
        try {
            status = run(options, console, System.getenv());
        } catch (SettingsException e) {
            System.err.println("spotcheck: " + e.getMessage());
            status = BAD_SETTINGS;
        }
        System.exit(status);
    }

    static int run(List<String> options, boolean console, Map<String, String> environment) {
        int export = options.indexOf("--export-flow");
        if (export >= 0) {
            return exportFlow(options, export);
        }
        Logs.checkSettings(environment);
        Settings settings = SettingsLoader.load(environment);
        int rotate = options.indexOf("--rotate-secret");
        if (rotate >= 0) {
            if (rotate + 1 >= options.size()) {
                throw new SettingsException("--rotate-secret needs a file to create, e.g. --rotate-secret /etc/spotcheck/secret.new");
            }
            System.out.println(Application.rotateSecret(settings, java.nio.file.Path.of(options.get(rotate + 1)),
                    Clock.systemUTC()));
            return 0;
        }
        if (options.contains("--stats")) {
            return StatsCommand.run(settings.database(), options.contains("--json"), System.out);
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
        try (var app = Application.open(settings, Clock.systemUTC())) {
            if (console) {
                var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
                var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                app.console(language(options), in, out).run();
                return 0;
            }
            app.startTelegram();
            awaitStopSignal(app);
            return 0;
        } catch (SettingsException e) {
            throw e; // e.g. a secret that did not write this database: exit status 2
        } catch (Exception e) {
            System.err.println("spotcheck: " + redactor.describe(e));
            return 1;
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

    /**
     * Blocks until SIGTERM (a platform stopping the worker) or Ctrl-C. The hook stops polling and
     * closes the database itself, because once the JVM is shutting down, main may not get to.
     */
    private static void awaitStopSignal(Application app) throws InterruptedException {
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        // The JVM halts once the hook returns; nothing more to do here.
        TimeUnit.DAYS.sleep(1);
    }
}
