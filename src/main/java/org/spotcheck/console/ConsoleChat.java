package org.spotcheck.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spotcheck.chat.Dialogue;
import org.spotcheck.check.Action;
import org.spotcheck.check.Check;
import org.spotcheck.check.Input;
import org.spotcheck.check.Reply;
import org.spotcheck.store.ChatState;
import org.spotcheck.text.Button;
import org.spotcheck.text.Html;
import org.spotcheck.text.Messages;
import org.spotcheck.text.Renderer;
import org.spotcheck.text.Screen;
import org.spotcheck.text.Texts;

/**
 * The same conversation in a terminal: buttons become numbered choices, pop-ups become a line.
 * It uses the same store and texts as the bot, so every path can be walked without a token.
 */
public final class ConsoleChat {

    private final Dialogue dialogue;
    private final String chatKey;
    private final String language;
    private final Texts texts;
    /** The texts of the chat's language now: /language can change it mid-session. */
    private Messages m;
    private final BufferedReader in;
    private final PrintStream out;
    private List<Button> choices = List.of();

    public ConsoleChat(Dialogue dialogue, String chatKey, String language, Texts texts,
                       BufferedReader in, PrintStream out) {
        this.dialogue = dialogue;
        this.chatKey = chatKey;
        this.language = language;
        this.texts = texts;
        this.m = texts.in(language);
        this.in = in;
        this.out = out;
    }

    public void run() throws IOException {
        dialogue.useLanguage(chatKey, language);
        out.println(m.get("console.intro"));
        out.println();
        take(new Input.Typed(Input.Command.START));
        while (true) {
            out.print("> ");
            out.flush();
            String line = in.readLine();
            if (line == null || line.strip().equalsIgnoreCase("/quit")) {
                out.println(m.get("console.bye"));
                return;
            }
            var input = read(line.strip());
            if (input == null) {
                out.println(m.get("console.invalid"));
            } else if (schedulesReminder(input)) {
                out.println(m.get("console.reminders")); // the console has no chat to send them to
                out.println();
                relist(); // nothing changed: the same choices stand
            } else {
                take(input);
            }
        }
    }

    private static boolean schedulesReminder(Input input) {
        return input instanceof Input.Tap tap && (tap.action() instanceof Action.RemindOptions
                || tap.action() instanceof Action.RemindIn || tap.action() instanceof Action.CheckInAsk
                || tap.action() instanceof Action.ReminderLater);
    }

    private Input read(String line) {
        if (line.matches("\\d{1,3}")) {
            int choice = Integer.parseInt(line);
            return choice >= 1 && choice <= choices.size() ? new Input.Tap(choices.get(choice - 1).action()) : null;
        }
        if (line.startsWith("/")) {
            return Input.Command.named(line.substring(1).toLowerCase(Locale.ROOT)).map(Input.Typed::new).orElse(null);
        }
        return line.isEmpty() ? null : new Input.Other();
    }

    private void take(Input input) {
        var outcome = dialogue.take(chatKey, input, language);
        m = texts.in(outcome.state().language());
        outcome.popUp().ifPresent(toast -> out.println(m.format("console.popup", Map.of("text", toast.text()))));
        if (outcome.screens().isEmpty()) {
            out.println();
            relist(); // a pop-up alone leaves the previous choices standing, as a tap's answer does in Telegram
            return;
        }
        var shown = new ArrayList<Button>();
        for (Screen screen : outcome.screens()) {
            out.println();
            out.println(Html.toPlain(screen.html()));
            for (var row : screen.keyboard()) {
                for (var button : row) {
                    list(shown, button);
                }
            }
        }
        var offered = shown.stream().map(Button::action).toList();
        var standing = resultChoices(outcome.state()).stream()
                .filter(button -> !offered.contains(button.action())).toList();
        if (!standing.isEmpty()) {
            out.println();
            out.println(m.get("console.result_choices"));
            standing.forEach(button -> list(shown, button));
        }
        out.println();
        if (!shown.isEmpty()) {
            choices = shown;
        }
    }

    private void relist() {
        var again = new ArrayList<Button>();
        choices.forEach(button -> list(again, button));
        if (!again.isEmpty()) {
            out.println();
        }
    }

    private void list(List<Button> shown, Button button) {
        shown.add(button);
        out.printf("  %d) %s%n", shown.size(), button.label());
    }

    /**
     * In Telegram the result keeps its buttons in the chat above whatever comes next (the offer to
     * remember it, a note, a pop-up). A terminal scrolls them away, so after a finished check its
     * result's choices are listed again, in the chat's language now, below what the turn showed.
     */
    private List<Button> resultChoices(ChatState state) {
        var check = state.check().filter(Check::finished);
        if (check.isEmpty()) {
            return List.of();
        }
        // The deployment's screening age, as the dialogue used for the result itself.
        var result = check.get().result(texts.screeningStartAge(state.language()));
        var screens = Renderer.render(new Reply.ShowResult(check.get(), result), m);
        return screens.get(screens.size() - 1).keyboard().stream().flatMap(List::stream).toList();
    }
}
