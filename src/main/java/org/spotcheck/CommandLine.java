package org.spotcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spotcheck.text.Texts;

/**
 * What the operator typed, checked before any setting is read or any connection made: one command
 * at most, with only the options that command takes. Anything else is refused, because a program
 * that ignored a typo such as --stat would start serving Telegram: a second live bot.
 *
 * @param command  what to do
 * @param language --lang, for the console
 * @param json     --json, for --stats
 * @param passphrase --passphrase, for --rotate-secret: a new passphrase printed instead of a file written
 * @param file     the file or folder the command writes (--backup, --rotate-secret, --export-flow)
 */
record CommandLine(Command command, String language, boolean json, boolean passphrase, Optional<Path> file) {

    enum Command {
        SERVE(""), CONSOLE("--console"), CHECK("--check"), STATS("--stats"), BACKUP("--backup"),
        ROTATE_SECRET("--rotate-secret"), EXPORT_FLOW("--export-flow"), HELP("--help");

        private final String flag;

        Command(String flag) {
            this.flag = flag;
        }

        /** The demo's screen is for the conversation, a command's for its answer: only warnings go to the log. */
        boolean quiet() {
            return this == CHECK || this == STATS || this == BACKUP || this == CONSOLE;
        }

        private boolean takesFile() {
            return this == BACKUP || this == ROTATE_SECRET || this == EXPORT_FLOW;
        }
    }

    /** What the operator typed is not a command line SpotCheck knows; the message says what. */
    static final class Wrong extends RuntimeException {
        Wrong(String message) {
            super(message, null, false, false);
        }
    }

    /** One screen: every command, with an example of what each file argument looks like. */
    static final String USAGE = """
            usage: java -jar spotcheck-bot.jar [COMMAND]
              (no command)               serve Telegram (TELEGRAM_BOT_TOKEN; see README, Configuration)
              --console [--lang CODE]    the check in this terminal, without Telegram; CODE: %s
              --check                    check the settings, the data, the secret and the token, then exit
              --stats [--json]           usage figures per week
              --backup FILE              copy the database, safely beside a running bot, to FILE (owner-only)
              --rotate-secret FILE       with the bot stopped: move the data to a new secret, written to FILE
              --rotate-secret --passphrase   the same, to a new passphrase printed for SPOTCHECK_SECRET
              --export-flow FOLDER       write the clinical review view (flow.md, content.md)
              --help                     this text
            Settings come from the environment and SPOTCHECK_CONFIG (README, Configuration).
            """.formatted(String.join(", ", Texts.LANGUAGES));

    static CommandLine parse(List<String> args) {
        Command command = Command.SERVE;
        String language = null;
        boolean json = false;
        boolean passphrase = false;
        Path file = null;
        var rest = new ArrayList<>(args);
        while (!rest.isEmpty()) {
            String arg = rest.remove(0);
            if (arg.equals("-h")) {
                arg = Command.HELP.flag;
            }
            if (arg.equals("--lang")) {
                if (language != null) {
                    throw new Wrong("--lang is given twice");
                }
                language = value(arg, rest, "a language code, e.g. --lang es");
                if (!Texts.LANGUAGES.contains(language)) {
                    throw new Wrong("--lang must be one of " + String.join(", ", Texts.LANGUAGES));
                }
                continue;
            }
            if (arg.equals("--json")) {
                if (json) {
                    throw new Wrong("--json is given twice");
                }
                json = true;
                continue;
            }
            Command named = command(arg);
            if (command != Command.SERVE) {
                throw new Wrong("give one command at a time: " + command.flag + " and " + named.flag);
            }
            command = named;
            if (command == Command.ROTATE_SECRET && !rest.isEmpty() && rest.get(0).equals("--passphrase")) {
                passphrase = true;
                rest.remove(0);
            } else if (command.takesFile()) {
                file = Path.of(value(arg, rest, example(command)));
            }
        }
        if (language != null && command != Command.CONSOLE) {
            throw new Wrong("--lang goes with --console only");
        }
        if (json && command != Command.STATS) {
            throw new Wrong("--json goes with --stats only");
        }
        return new CommandLine(command, language == null ? Texts.FALLBACK : language, json, passphrase, Optional.ofNullable(file));
    }

    private static Command command(String arg) {
        for (Command command : Command.values()) {
            if (command != Command.SERVE && command.flag.equals(arg)) {
                return command;
            }
        }
        throw new Wrong((arg.startsWith("-") ? "unknown option " : "unexpected argument ") + "\"" + arg + "\"");
    }

    /** The argument after an option; an option in its place means it was left out. */
    private static String value(String option, List<String> rest, String what) {
        if (rest.isEmpty() || rest.get(0).startsWith("--") || rest.get(0).isBlank()) {
            throw new Wrong(option + " needs " + what);
        }
        return rest.remove(0);
    }

    private static String example(Command command) {
        return switch (command) {
            case BACKUP -> "a file to create, e.g. --backup /var/lib/spotcheck/backup/spotcheck-2026-12-07.db";
            case ROTATE_SECRET -> "a file to create, e.g. --rotate-secret /etc/spotcheck/secret.new, or --passphrase";
            default -> "a folder, e.g. --export-flow docs";
        };
    }
}
