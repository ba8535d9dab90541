package org.spotcheck.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.check.Cause;
import org.spotcheck.check.Context;
import org.spotcheck.check.Question;
import org.spotcheck.store.TempDatabase;
import org.spotcheck.text.Html;
import org.spotcheck.text.Messages;
import org.spotcheck.text.Texts;

class ConsoleChatTest {

    private static final Texts TEXTS = Texts.load();
    private static final Messages EN = TEXTS.in("en");

    @RegisterExtension
    final TempDatabase store = new TempDatabase("console-test-secret-0123456789");
    private Dialogue dialogue;
    private String chatKey;

    @BeforeEach
    void open() {
        dialogue = new Dialogue(store.database(), store.reminders(), TEXTS, Clock.systemUTC(), Context.DEFAULT_DELAYS);
        chatKey = store.chatKeys().keyFor(0);
    }

    private String session(String typed) throws Exception {
        var printed = new ByteArrayOutputStream();
        new ConsoleChat(dialogue, chatKey, "en", TEXTS, new BufferedReader(new StringReader(typed)),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        return printed.toString(StandardCharsets.UTF_8);
    }

    private void session(Person person) throws Exception {
        new ConsoleChat(dialogue, chatKey, "en", TEXTS, person, new PrintStream(person.printed, true, StandardCharsets.UTF_8))
                .run();
    }

    private static final Pattern CHOICE = Pattern.compile("^  (\\d+)\\) (.*)$", Pattern.MULTILINE);
    private static final String MORE_ABOUT = EN.get("button.why_cause").replace("{cause}", "");

    /**
     * Someone at the terminal who reads each menu before typing: begins the check, gives each
     * question its last answer (never the emergency, whatever the questions are), answers the offer
     * to remember with the given label, then may choose one more thing.
     */
    private static final class Person extends BufferedReader {

        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        private final String remember;
        private int read;
        String result;
        String afterRemember;
        String then;
        String afterThen;
        /** A choice made before answering the offer to remember, and the turn it brought. */
        String first;
        String afterFirst;

        Person(String remember) {
            super(new StringReader(""));
            this.remember = remember;
        }

        @Override
        public String readLine() {
            String all = printed.toString(StandardCharsets.UTF_8);
            String turn = all.substring(read);
            read = all.length();
            if (afterRemember != null) { // the turn after the one more choice
                afterThen = turn;
                return "/quit";
            }
            if (result == null && turn.contains(EN.get("page.ask_remember"))) {
                result = turn;
                return number(turn, first == null ? remember : first);
            }
            if (result != null && first != null && afterFirst == null) { // the turn after a choice made first
                afterFirst = turn;
                return number(turn, remember);
            }
            if (result != null) { // the turn after answering the offer to remember
                afterRemember = turn;
                return then == null ? "/quit" : number(turn, then.equals("cause") ? MORE_ABOUT : then);
            }
            assertThat(read).as("the check reaches its result").isLessThan(200_000);
            var labels = labels(turn);
            if (labels.contains(EN.get("button.begin"))) {
                return number(turn, EN.get("button.begin"));
            }
            // The last answer: every label but Back and "Why this question?".
            var answers = labels.stream()
                    .filter(l -> !l.equals(EN.get("button.back")) && !l.equals(EN.get("button.why_question"))).toList();
            return number(turn, answers.get(answers.size() - 1));
        }

        List<String> resultChoices() {
            return labels(result).stream()
                    .filter(l -> !l.equals(EN.get("button.remember_yes")) && !l.equals(EN.get("button.remember_no")))
                    .toList();
        }

        List<String> choicesAfterRemember() {
            return labels(afterRemember);
        }

        static List<String> labels(String turn) {
            return CHOICE.matcher(turn).results().map(m -> m.group(2)).toList();
        }

        /** The number printed before the first label starting with this text. */
        private static String number(String turn, String label) {
            return CHOICE.matcher(turn).results().filter(m -> m.group(2).startsWith(label)).map(m -> m.group(1))
                    .findFirst().orElseThrow(() -> new AssertionError("no choice " + label + " in:\n" + turn));
        }
    }

    // ---------- after the result ----------

    @Test
    void after_declining_to_be_remembered_the_results_choices_are_offered_again() throws Exception {
        var person = new Person(EN.get("button.remember_no"));
        session(person);

        assertThat(person.afterRemember).contains(EN.get("page.not_remembered"), EN.get("console.result_choices"));
        assertThat(person.choicesAfterRemember()).containsExactlyElementsOf(person.resultChoices());
    }

    @Test
    void after_agreeing_to_be_remembered_the_check_in_offer_comes_first_then_the_results_choices() throws Exception {
        var person = new Person(EN.get("button.remember_yes"));
        session(person);

        assertThat(person.afterRemember).contains(EN.get("page.remembered"), EN.get("console.result_choices"));
        var expected = new ArrayList<String>(List.of(EN.get("button.check_in")));
        expected.addAll(person.resultChoices());
        assertThat(person.choicesAfterRemember()).containsExactlyElementsOf(expected);
    }

    @Test
    void the_results_choices_offered_again_still_start_a_new_check() throws Exception {
        var person = new Person(EN.get("button.remember_no"));
        person.then = EN.get("button.restart");
        session(person);

        String firstQuestion = Html.toPlain(EN.get("question." + Question.values()[0].key() + ".text"));
        assertThat(person.afterThen).contains(firstQuestion);
    }

    @Test
    void the_results_choices_offered_again_still_explain_a_cause() throws Exception {
        var person = new Person(EN.get("button.remember_no"));
        person.then = "cause"; // the first "More about: …" the result offers
        session(person);

        var cause = person.choicesAfterRemember().stream().filter(label -> label.startsWith(MORE_ABOUT)).findFirst();
        assertThat(cause).as("the result names a cause").isPresent();
        var whys = List.of(Cause.values()).stream().map(c -> Html.toPlain(EN.get("cause." + c.key() + ".why"))).toList();
        assertThat(whys).anyMatch(why -> person.afterThen.contains(why));
    }

    @Test
    void a_pop_up_before_answering_the_offer_to_remember_leaves_the_offer_standing() throws Exception {
        var person = new Person(EN.get("button.remember_no"));
        person.first = MORE_ABOUT;
        session(person);

        assertThat(Person.labels(person.afterFirst)).containsExactlyElementsOf(Person.labels(person.result));
        assertThat(person.afterRemember).contains(EN.get("page.not_remembered"));
    }

    @Test
    void after_choosing_another_language_the_console_itself_speaks_it_too() throws Exception {
        // /language, then the second choice: Español
        String printed = session("/language\n2\n/quit\n");

        assertThat(printed).endsWith(TEXTS.in("es").get("console.bye") + System.lineSeparator());
    }

    @Test
    void the_introduction_names_every_command_the_console_understands() throws Exception {
        String printed = session("/quit\n");

        assertThat(printed).contains("/start", "/help", "/privacy", "/forget", "/reminders", "/language", "/quit");
    }
}
