package org.spotcheck.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Something a person did in a private chat, already stripped of anything personal. */
public sealed interface Input {

    /**
     * The commands, defined once: Telegram's reader, the console and the bot's command menu (in this
     * order) all derive from this list.
     */
    enum Command {
        START, HELP, PRIVACY, FORGET, REMINDERS, LANGUAGE;

        /** What a person types after the slash, e.g. "start". */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The command typed as /word, if there is one. */
        public static Optional<Command> named(String word) {
            return Arrays.stream(values()).filter(c -> c.word().equals(word)).findFirst();
        }
    }

    record Typed(Command command) implements Input {
    }

    /** A button tap; {@code action} is null when the button's data could not be understood. */
    record Tap(Action action) implements Input {
    }

    /** Free text, a sticker, a photo, a voice message: anything that is not a known command or button. */
    record Other() implements Input {
    }
}
