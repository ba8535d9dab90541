package org.spotcheck;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.LoggerFactory;
import org.spotcheck.config.Settings;
import org.spotcheck.config.SettingsException;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.log.Logs;
import org.spotcheck.log.Redactor;
import org.spotcheck.stats.StatsCommand;
import org.spotcheck.store.Backup;
import org.spotcheck.store.StoreException;
import org.spotcheck.telegram.TelegramBot;

/**
 * Reads the command line (strictly: a typo must not start a second bot), then the settings, and
 * starts the Telegram bot, the console demo or a one-shot command.
 */
public final class Main {

    /** Exit status for a command line SpotCheck does not know, or a missing or invalid setting. */
    static final int BAD_SETTINGS = 2;

    private Main() {
    }

    public static void main(String[] args) {
        exit(run(List.of(args), System.getenv(), Clock.systemUTC()));
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

    static int run(List<String> args, Map<String, String> environment) {
        return run(args, environment, Clock.systemUTC());
    }

    /**
     * The exit status. A command line it does not know is refused (status 2, the usage) before any
     * setting is read; a bad setting is one line and status 2, found before anything is created.
     */
    static int run(List<String> args, Map<String, String> environment, Clock clock) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (CommandLine.Wrong e) {
            System.err.println("spotcheck: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            return BAD_SETTINGS;
        }
        try {
            return run(line, environment, clock);
        } catch (SettingsException e) {
            System.err.println("spotcheck: " + e.getMessage());
            return BAD_SETTINGS;
        } catch (StoreException e) {
            System.err.println("spotcheck: " + describe(e));
            return BAD_SETTINGS;
        }
    }

    private static int run(CommandLine line, Map<String, String> environment, Clock clock) {
        switch (line.command()) {
            case HELP -> {
                System.out.print(CommandLine.USAGE);
                return 0;
            }
            case EXPORT_FLOW -> {
                return exportFlow(line.file().orElseThrow());
            }
            default -> {
                // the others read the settings
            }
        }
        Settings settings = SettingsLoader.load(environment);
        Logs.apply(settings.logFormat(), settings.logLevel(), line.command().quiet());
        switch (line.command()) {
            case ROTATE_SECRET -> {
                System.out.println(line.passphrase() ? Application.rotateToPassphrase(settings, clock, System.out)
                        : Application.rotateSecret(settings, line.file().orElseThrow(), clock));
                return 0;
            }
            case STATS -> {
                return StatsCommand.run(settings.database(), line.json(), System.out, clock);
            }
            case BACKUP -> {
                return backup(settings, line.file().orElseThrow());
            }
            default -> {
                // below: they need the token, or are the console
            }
        }
        boolean console = line.command() == CommandLine.Command.CONSOLE;
        if (!console && settings.token().isEmpty()) {
            throw new SettingsException(SettingsLoader.TOKEN + " is not set. Create a bot with @BotFather in"
                    + " Telegram (/newbot), then run with TELEGRAM_BOT_TOKEN=<the token it gives you>."
                    + " To try SpotCheck without Telegram: java -jar target/spotcheck-bot.jar --console");
        }
        if (line.command() == CommandLine.Command.CHECK) {
            return Preflight.run(settings, environment, System.out);
        }
        var redactor = new Redactor(settings.token().orElse(""));
        try {
            return console ? converse(Application.open(settings, clock), line.language())
                    : serve(Application.openToServe(settings, clock));
        } catch (SettingsException | StoreException e) {
            throw e; // e.g. a secret that did not write this database: exit status 2
        } catch (RuntimeException e) {
            System.err.println("spotcheck: " + redactor.describe(e));
            return 1;
        }
    }

    /** --backup FILE: a copy of the database, taken safely beside a running bot (README, Backups). */
    private static int backup(Settings settings, Path file) {
        if (java.nio.file.Files.exists(file)) {
            throw new SettingsException("--backup: " + file + " exists already; name a file to create");
        }
        try {
            long bytes = Backup.to(settings.database(), file);
            System.out.println("backed up " + settings.database().toAbsolutePath() + " to " + file.toAbsolutePath() + " ("
                    + bytes + " bytes, owner-only). It holds no secret: a restore needs the secret that wrote it. Keep"
                    + " it a few days at most: it still holds what /forget erases from now on (README, Backups).");
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("spotcheck: " + e.getMessage());
            return 1;
        }
    }

    /** The store's one line, with the setting behind its input named as the operator sets it. */
    static String describe(StoreException e) {
        String setting = switch (e.input()) {
            case DATABASE -> SettingsLoader.DATABASE;
            case PASSPHRASE -> SettingsLoader.SECRET;
            case SECRET_FILE -> SettingsLoader.SECRET_FILE;
        };
        return setting + e.detail();
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
                LoggerFactory.getLogger(Main.class).info("stopped");
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

    /** --export-flow DIR: the clinical review view (flow.md, content.md) from the code's own definitions. */
    private static int exportFlow(Path dir) {
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
