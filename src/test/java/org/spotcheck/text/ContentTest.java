package org.spotcheck.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.spotcheck.check.Action;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Cause;
import org.spotcheck.check.Check;
import org.spotcheck.check.Conversation;
import org.spotcheck.check.Input;
import org.spotcheck.check.Question;
import org.spotcheck.check.ReminderKind;
import org.spotcheck.check.Reply;
import org.spotcheck.check.Triage;
import org.spotcheck.telegram.CallbackData;

/**
 * The English texts against everything the code can show: every question, page, pop-up and the
 * result of every combination of answers, rendered with the real texts from the class path.
 */
class ContentTest {

    /** Keys the Telegram and console adapters read directly, outside the Renderer. */
    private static final Set<String> ADAPTER_KEYS = Set.of(
            "page.group", "button.open_private", "toast.error", "toast.slow_down", "page.slow_down", "console.reminders",
            "command.start", "command.help", "command.privacy", "command.forget", "command.reminders", "command.language",
            "language.name", // read from each language's own file for the /language buttons
            "console.intro", "console.invalid", "console.bye", "console.popup", "console.result_choices",
            "profile.description", "profile.short_description"); // the bot's profile, set at start-up

    /** The general words for a place to go, read as the texts are loaded wherever a text says {svc_NAME}. */
    private static final Set<String> SERVICE_KEYS = java.util.Arrays.stream(LocalServices.Service.values())
            .map(LocalServices.Service::genericKey).collect(java.util.stream.Collectors.toSet());

    /** A check without and with a remembered earlier check ("it happened again" is offered only then). */
    private static final List<Optional<LocalDate>> EARLIER = List.of(Optional.empty(), Optional.of(LocalDate.of(2026, 9, 30)));

    private static final int MAX_POP_UP = 200;
    private static final int MAX_LABEL = 32;
    private static final int MAX_CALLBACK_BYTES = 64;
    private static final int MAX_COMMAND_DESCRIPTION = 256;

    private static final Messages EN = Texts.load().in("en");

    // ---------- keys ----------

    @Test
    void everyReachableScreenAndPopUpRendersWithTheEnglishTexts() {
        var replies = everyReply();
        assertThat(replies).hasSizeGreaterThan(3_000); // every result combination is in there

        for (Reply reply : replies) {
            if (reply instanceof Reply.PopUp popUp) {
                assertThatCode(() -> Renderer.popUp(popUp, EN)).as(reply.toString()).doesNotThrowAnyException();
            } else {
                assertThatCode(() -> screensOf(reply, EN)).as(reply.toString()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void theConversationCanProduceEveryWhyPopUpAndBothStaleToasts() {
        var keys = new TreeSet<String>();
        for (Reply reply : everyReply()) {
            if (reply instanceof Reply.PopUp popUp) {
                keys.add(popUp.key());
            }
        }

        var expected = new TreeSet<String>(List.of("toast.stale", "toast.finished", "toast.reminder_cancelled"));
        for (Question question : Question.values()) {
            expected.add("question." + question.key() + ".why");
        }
        for (Cause cause : Cause.values()) {
            expected.add("cause." + cause.key() + ".why");
        }
        assertThat(keys).isEqualTo(expected);
    }

    @Test
    void everyKeyTheAdaptersReadDirectlyExists() {
        for (String key : ADAPTER_KEYS) {
            assertThat(EN.has(key)).as(key).isTrue();
        }
    }

    @Test
    void everyEnglishKeyIsUsedByTheCode() {
        var unused = new TreeSet<>(EN.keys());
        unused.removeAll(usedKeys());
        unused.removeAll(ADAPTER_KEYS);
        unused.removeAll(SERVICE_KEYS);

        assertThat(unused).as("keys in en.properties that nothing renders").isEmpty();
    }

    @Test
    void everyEnglishKeyNamesItsSourceInSourcesProperties() throws IOException {
        var sources = sources();

        var missing = new TreeSet<>(EN.keys());
        missing.removeAll(sources.stringPropertyNames());
        assertThat(missing).as("keys of en.properties without a line in sources.properties").isEmpty();
    }

    @Test
    void sourcesPropertiesNamesNoKeyThatEnglishLacks() throws IOException {
        var stale = new TreeSet<>(sources().stringPropertyNames());
        stale.removeAll(Messages.asWritten("en").keys()); // as written: with the texts of services not named here

        assertThat(stale).as("lines of sources.properties for keys en.properties no longer has").isEmpty();
    }

    @Test
    void everySourceLineSaysWhereTheTextComesFrom() throws IOException {
        var sources = sources();
        for (String key : Messages.asWritten("en").keys()) {
            assertThat(sources.getProperty(key, "")).as(key).isNotBlank();
        }
    }

    // ---------- Telegram's limits ----------

    @Test
    void noMessageIsLongerThanTelegramAllows() {
        for (Screen screen : everyScreen()) {
            assertThat(screen.html().length()).as(excerpt(screen.html())).isLessThanOrEqualTo(Renderer.MAX_MESSAGE);
        }
        assertThat(EN.get("page.group").length()).isLessThanOrEqualTo(Renderer.MAX_MESSAGE);
        assertThat(EN.get("toast.error").length()).isLessThanOrEqualTo(Renderer.MAX_MESSAGE);
    }

    @Test
    void noPopUpIsLongerThan200Characters() {
        for (Reply reply : everyReply()) {
            if (reply instanceof Reply.PopUp popUp) {
                String text = Renderer.popUp(popUp, EN).text();
                assertThat(text.length()).as(popUp.key()).isLessThanOrEqualTo(MAX_POP_UP);
            }
        }
        // The apology answers a tap as it is written.
        assertThat(EN.get("toast.error").length()).as("toast.error").isLessThanOrEqualTo(MAX_POP_UP);
        assertThat(EN.get("toast.slow_down").length()).as("toast.slow_down").isLessThanOrEqualTo(MAX_POP_UP);
    }

    @Test
    void noButtonLabelIsLongerThan32Characters() {
        for (Screen screen : everyScreen()) {
            for (Button button : buttons(screen)) {
                assertThat(button.label().codePointCount(0, button.label().length()))
                        .as(button.label()).isLessThanOrEqualTo(MAX_LABEL);
                assertThat(button.label()).as("a label is plain text").doesNotContain("<").isNotBlank();
            }
        }
        String openPrivate = EN.get("button.open_private");
        assertThat(openPrivate.codePointCount(0, openPrivate.length())).isLessThanOrEqualTo(MAX_LABEL);
    }

    @Test
    void everyButtonsCallbackDataFits64BytesAndDecodesToTheSameAction() {
        int checked = 0;
        for (Screen screen : everyScreen()) {
            for (Button button : buttons(screen)) {
                String data = CallbackData.encode(button.action());
                assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(data)
                        .isBetween(1, MAX_CALLBACK_BYTES);
                assertThat(CallbackData.decode(data)).as(data).isEqualTo(button.action());
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void everyCommandDescriptionFitsTelegramsMenu() {
        for (String command : List.of("start", "help", "privacy", "forget")) {
            String text = EN.get("command." + command);
            assertThat(text.length()).as(command).isBetween(1, MAX_COMMAND_DESCRIPTION);
            assertThat(text).as(command + " is plain text").doesNotContain("<", "&");
        }
    }

    // ---------- HTML ----------

    @Test
    void everyMessageUsesOnlyBalancedBoldAndItalicTagsAndEscapesAmpersands() {
        for (Screen screen : everyScreen()) {
            assertThat(htmlProblems(screen.html())).as(excerpt(screen.html())).isEmpty();
        }
        assertThat(htmlProblems(EN.get("page.group"))).as("page.group").isEmpty();
        assertThat(htmlProblems(EN.get("toast.error"))).as("toast.error").isEmpty();
    }

    @Test
    void everyTextOnItsOwnUsesOnlyBalancedBoldAndItalicTags() {
        for (String key : EN.keys()) {
            assertThat(htmlProblems(EN.get(key))).as(key).isEmpty();
        }
    }

    @Test
    void popUpsShowNoMarkup() {
        for (Reply reply : everyReply()) {
            if (reply instanceof Reply.PopUp popUp) {
                assertThat(Renderer.popUp(popUp, EN).text()).as(popUp.key()).doesNotContain("<", "&lt;", "&amp;");
            }
        }
    }

    // ---------- what can be shown ----------

    /**
     * Every reply worth rendering: what the Conversation produces from every kind of chat state for
     * every input, every question with and without a chosen answer, every page, and the result of
     * every combination of answers.
     */
    static Set<Reply> everyReply() {
        return EVERY_REPLY.get();
    }

    /** Built once for the class: it walks every answer path. */
    private static final java.util.function.Supplier<Set<Reply>> EVERY_REPLY = new java.util.function.Supplier<>() {
        private Set<Reply> replies;

        @Override
        public synchronized Set<Reply> get() {
            if (replies == null) {
                replies = java.util.Collections.unmodifiableSet(buildEveryReply());
            }
            return replies;
        }
    };

    private static Set<Reply> buildEveryReply() {
        var replies = new LinkedHashSet<Reply>();
        replies.addAll(conversationReplies());
        replies.addAll(questionReplies());
        replies.addAll(resultReplies());
        for (Reply.Page page : Reply.Page.values()) {
            replies.add(new Reply.ShowPage(page, true));
            replies.add(new Reply.ShowPage(page, false));
        }
        return replies;
    }

    /** The Conversation itself, from an empty chat, every step of a check and finished checks, for every input. */
    private static Set<Reply> conversationReplies() {
        var replies = new LinkedHashSet<Reply>();
        for (Optional<Check> state : chatStates()) {
            for (Input input : inputsFor(state)) {
                replies.addAll(Conversation.handle(state, input).replies());
            }
        }
        return replies;
    }

    private static List<Optional<Check>> chatStates() {
        var states = new ArrayList<Optional<Check>>();
        states.add(Optional.empty());
        for (var earlier : EARLIER) {
            var check = Check.begin(5, earlier);
            while (!check.finished()) {
                states.add(Optional.of(check));
                var question = check.current().orElseThrow();
                for (Answer answer : check.choices(question)) {
                    var next = check.answer(answer);
                    states.add(Optional.of(next.finished() ? next : next.back()));
                }
                check = check.answer(question == Question.EMERGENCY ? Answer.EMERGENCY_NONE
                        : question == Question.AGE ? Answer.AGE_25_39 // under 13 is not asked to remember
                        : question == Question.SITUATION ? Answer.SITUATION_NONE
                        : question == Question.SCREENING ? Answer.HYSTERECTOMY_PAST : question.answers().get(0));
            }
            states.add(Optional.of(check));
        }
        return states;
    }

    private static List<Input> inputsFor(Optional<Check> state) {
        var inputs = new ArrayList<Input>();
        for (Input.Command command : Input.Command.values()) {
            inputs.add(new Input.Typed(command));
        }
        inputs.add(new Input.Other());
        inputs.add(new Input.Tap(null));
        var actions = new ArrayList<Action>(List.of(new Action.Begin(), new Action.Resume(), new Action.ShowPrivacy(),
                new Action.ForgetAsk(), new Action.ForgetConfirm(), new Action.ForgetCancel(),
                new Action.RemindOptions(), new Action.RemindIn(java.time.Duration.ofDays(2)),
                new Action.RemindIn(java.time.Duration.ofDays(7)), new Action.RemindIn(java.time.Duration.ofSeconds(5)),
                new Action.ShowConsent(), new Action.CloseConsent(),
                new Action.ReminderBooked(), new Action.ReminderStop(), new Action.CheckInAsk(),
                new Action.CheckInAnswer(true), new Action.CheckInAnswer(false), new Action.CancelReminder(3),
                new Action.SetLanguage("en")));
        for (var kind : ReminderKind.values()) {
            actions.add(new Action.ReminderLater(kind));
        }
        int remembered = state.map(Check::id).orElse(1);
        for (int checkId : new int[] {remembered, remembered + 1}) {
            actions.add(new Action.Remember(checkId, true));
            actions.add(new Action.Remember(checkId, false));
        }
        for (Question question : Question.values()) {
            actions.add(new Action.WhyQuestion(question));
        }
        for (Cause cause : Cause.values()) {
            actions.add(new Action.WhyCause(cause));
        }
        int id = state.map(Check::id).orElse(1);
        for (int checkId : new int[] {id, id + 1}) {
            for (Question question : Question.values()) {
                actions.add(new Action.Back(checkId, question));
                for (Answer answer : Answer.values()) {
                    actions.add(new Action.Choose(checkId, question, answer)); // also answers of other questions
                }
            }
        }
        actions.forEach(action -> inputs.add(new Input.Tap(action)));
        return inputs;
    }

    /** Every question with no answer chosen and with each of its answers chosen (as after Back). */
    private static List<Reply> questionReplies() {
        var replies = new ArrayList<Reply>();
        for (int checkId : new int[] {1, 999_999_999}) {
          for (var earlier : EARLIER) {
            var check = Check.begin(checkId, earlier);
            while (!check.finished()) {
                var question = check.current().orElseThrow();
                replies.add(new Reply.ShowQuestion(check));
                for (Answer answer : check.choices(question)) {
                    var next = check.answer(answer);
                    // The last question finishes the check, so its chosen form is built directly.
                    var chosen = next.finished()
                            ? new Check(checkId, next.answers(), Optional.of(question), earlier)
                            : next.back();
                    replies.add(new Reply.ShowQuestion(chosen));
                }
                check = check.answer(question == Question.EMERGENCY ? Answer.EMERGENCY_NONE
                        : question == Question.AGE ? Answer.AGE_25_39 // under 13 is not asked to remember
                        : question == Question.SITUATION ? Answer.SITUATION_NONE
                        : question == Question.SCREENING ? Answer.HYSTERECTOMY_PAST : question.answers().get(0));
            }
          }
        }
        return replies;
    }

    /**
     * The result of every answer path that says something new: the first path for each combination
     * of matched rules, causes and their reasons (the safety test walks and renders every path), the
     * first path with each answer, and the emergency chosen after going back from the last question.
     */
    private static List<Reply> resultReplies() {
        var replies = new ArrayList<Reply>();
        var emergency = Check.begin(1).answer(Answer.EMERGENCY_YES);
        replies.add(new Reply.ShowResult(emergency, emergency.result()));
        // A spread of answer paths (the safety test walks and renders every one): every 97th, and the
        // first path with each answer, so every summary line and reason is read.
        var seen = java.util.EnumSet.noneOf(Answer.class);
        var count = new int[1];
        org.spotcheck.check.Paths.forEach(check -> {
            boolean fresh = !seen.containsAll(check.answers().values());
            seen.addAll(check.answers().values());
            if (fresh || count[0]++ % 97 == 0) {
                for (int startAge : new int[] {25, 21}) {
                    replies.add(new Reply.ShowResult(check, check.result(startAge)));
                }
                // Back from the last question to the first keeps every answer; then the emergency is chosen.
                var backed = new Check(1, check.answers(), Optional.of(Question.SCREENING), check.earlier());
                if (backed.path().contains(Question.SCREENING)) {
                    while (!backed.isFirstQuestion()) {
                        backed = backed.back();
                    }
                    var late = backed.answer(Answer.EMERGENCY_YES);
                    replies.add(new Reply.ShowResult(late, late.result()));
                }
            }
        });
        // A calm check, where no row matches.
        var calm = Check.begin(1);
        for (var answer : List.of(Answer.EMERGENCY_NONE, Answer.AGE_25_39, Answer.SITUATION_NONE, Answer.ONCE,
                Answer.BETWEEN_NO, Answer.BIRTH_CONTROL_NO, Answer.PAIN_NO, Answer.DISCHARGE_NO, Answer.STI_RISK_NO,
                Answer.SCREENING_NORMAL)) {
            calm = calm.answer(answer);
        }
        replies.add(new Reply.ShowResult(calm, calm.result()));
        // Every rule row and every cause variant, by construction.
        for (var situation : Question.SITUATION.answers()) {
            for (var screening : Question.SCREENING.answers()) {
              for (var cervix : Question.CERVIX.answers()) {
                var check = Check.begin(1).answer(Answer.EMERGENCY_SLIGHT_FEVER).answer(Answer.AGE_UNDER_13).answer(situation)
                        .answer(Answer.IN_A_ROW);
                if (situation == Answer.SITUATION_NONE) {
                    check = check.answer(Answer.BETWEEN_YES);
                }
                check = check.answer(Answer.BIRTH_CONTROL_RECENT).answer(Answer.PAIN_DEEP).answer(Answer.DISCHARGE_YES)
                        .answer(Answer.STI_RISK_YES).answer(screening);
                if (!check.finished()) {
                    check = check.answer(cervix);
                }
                replies.add(new Reply.ShowResult(check, check.result()));
                replies.add(new Reply.ShowResult(check, check.result(21)));
              }
            }
        }
        // A level of Today said before the end, for every way it can come about.
        for (var today : List.of(Answer.EMERGENCY_SLIGHT_FEVER, Answer.PREGNANT, Answer.RECENT_BIRTH)) {
            var check = Check.begin(1).answer(today == Answer.EMERGENCY_SLIGHT_FEVER ? today : Answer.EMERGENCY_NONE)
                    .answer(Answer.AGE_25_39);
            if (today != Answer.EMERGENCY_SLIGHT_FEVER) {
                check = check.answer(today);
            }
            replies.add(new Reply.ShowToday(check, Triage.assess(check.given())));
        }
        replies.add(new Reply.ShowConsent());
        replies.add(new Reply.CloseConsent());
        return replies;
    }

    private static List<Screen> everyScreen() {
        var screens = new ArrayList<Screen>();
        for (Reply reply : everyReply()) {
            if (!(reply instanceof Reply.PopUp)) {
                screens.addAll(screensOf(reply, EN));
            }
        }
        for (var kind : ReminderKind.values()) {
            screens.add(Renderer.reminder(kind, EN));
        }
        return screens;
    }

    /** The /reminders list is filled in by the Dialogue from the store; here with and without reminders. */
    static List<Screen> screensOf(Reply reply, Messages m) {
        if (reply instanceof Reply.ListReminders) {
            var now = java.time.Instant.parse("2026-11-25T10:00:00Z");
            var pending = new ArrayList<org.spotcheck.check.PendingReminder>();
            // One due time in each unit, singular and plural, so every delay text is read.
            long[] seconds = {1, 20, 60, 300, 3_600, 7_200, 86_400, 172_800};
            for (int i = 0; i < seconds.length; i++) {
                var kind = ReminderKind.values()[i % ReminderKind.values().length];
                pending.add(new org.spotcheck.check.PendingReminder(i + 1, kind, now.plusSeconds(seconds[i])));
            }
            return List.of(Renderer.reminders(pending, now, m), Renderer.reminders(List.of(), now, m));
        }
        if (reply instanceof Reply.ChooseLanguage) {
            return List.of(Renderer.languages(Texts.load(), m));
        }
        return Renderer.render(reply, m);
    }

    private static List<Button> buttons(Screen screen) {
        return screen.keyboard().stream().flatMap(List::stream).toList();
    }

    // ---------- which keys the rendering reads ----------

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
    private static final Pattern TRACE = Pattern.compile("⟦([^⟧]+)⟧");

    /**
     * Renders everything again with texts that are only their own key (and their placeholders), then
     * reads the keys back out of the output: every key the Renderer read shows up in what it made.
     */
    private static Set<String> usedKeys() {
        var traced = new TreeMap<String, String>();
        for (String key : EN.keys()) {
            var text = new StringBuilder("⟦" + key + "⟧");
            Matcher m = PLACEHOLDER.matcher(EN.get(key));
            while (m.find()) {
                text.append(m.group());
            }
            traced.put(key, text.toString());
        }
        var tracer = new Messages("en", traced);

        var output = new StringBuilder();
        for (Reply reply : everyReply()) {
            if (reply instanceof Reply.PopUp popUp) {
                output.append(Renderer.popUp(popUp, tracer).text()).append('\n');
            } else {
                for (Screen screen : screensOf(reply, tracer)) {
                    output.append(screen.html()).append('\n');
                    buttons(screen).forEach(button -> output.append(button.label()).append('\n'));
                }
            }
        }
        for (var kind : ReminderKind.values()) {
            var screen = Renderer.reminder(kind, tracer);
            output.append(screen.html()).append('\n');
            buttons(screen).forEach(button -> output.append(button.label()).append('\n'));
        }
        var used = new TreeSet<String>();
        Matcher m = TRACE.matcher(output);
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    // ---------- helpers ----------

    private static final Pattern TAG = Pattern.compile("<[^<>]*>");
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);)");

    /** What Telegram's HTML parse mode would refuse or show wrongly in this text; empty when fine. */
    private static List<String> htmlProblems(String html) {
        var problems = new ArrayList<String>();
        var open = new ArrayDeque<String>();
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            switch (tag) {
                case "<b>", "<i>" -> open.push(tag.substring(1, 2));
                case "</b>", "</i>" -> {
                    String name = tag.substring(2, 3);
                    if (open.isEmpty() || !open.pop().equals(name)) {
                        problems.add("unbalanced " + tag + " at " + tags.start());
                    }
                }
                default -> problems.add("tag not allowed: " + tag);
            }
        }
        if (!open.isEmpty()) {
            problems.add("not closed: " + open);
        }
        String text = TAG.matcher(html).replaceAll("");
        if (text.contains("<") || text.contains(">")) {
            problems.add("bare < or > in the text");
        }
        Matcher ampersand = BARE_AMPERSAND.matcher(html);
        if (ampersand.find()) {
            problems.add("bare & at " + ampersand.start());
        }
        return problems;
    }

    private static Properties sources() throws IOException {
        var sources = new Properties();
        try (InputStream in = ContentTest.class.getResourceAsStream("/messages/sources.properties")) {
            assertThat(in).as("/messages/sources.properties on the class path").isNotNull();
            sources.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return sources;
    }

    private static String excerpt(String html) {
        return html.length() <= 120 ? html : html.substring(0, 120) + "…";
    }
}
