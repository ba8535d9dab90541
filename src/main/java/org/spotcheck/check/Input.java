package org.spotcheck.check;

/** Something a person did in a private chat, already stripped of anything personal. */
public sealed interface Input {

    enum Command { START, HELP, PRIVACY, FORGET, REMINDERS, LANGUAGE }

    record Typed(Command command) implements Input {
    }

    /** A button tap; {@code action} is null when the button's data could not be understood. */
    record Tap(Action action) implements Input {
    }

    /** Free text, a sticker, a photo, a voice message: anything that is not a known command or button. */
    record Other() implements Input {
    }
}
