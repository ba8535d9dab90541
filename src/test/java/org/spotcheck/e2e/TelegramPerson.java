package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;

import org.spotcheck.telegram.FakeBotApi.FakeMessage;
import org.spotcheck.telegram.FakeBotApi;

/** A scripted person in a private chat with the bot, tapping buttons as someone on a phone would. */
final class TelegramPerson {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    private final FakeBotApi telegram;
    final long chatId;

    TelegramPerson(FakeBotApi telegram, long chatId) {
        this.telegram = telegram;
        this.chatId = chatId;
    }

    void types(String text) {
        telegram.sendText(chatId, text);
    }

    /** Taps the button with exactly this callback data, wherever it is, and waits for the tap's answer. */
    void taps(String data) {
        var message = messageWithButton(b -> b.equals(data))
                .orElseThrow(() -> new AssertionError("no button " + data + " in " + telegram.messages(chatId)));
        tapOn(message.messageId(), data);
    }

    void tapOn(int messageId, String data) {
        String queryId = telegram.sendCallback(chatId, messageId, data);
        telegram.awaitCall("answerCallbackQuery", c -> c.body().path("callback_query_id").asText().equals(queryId),
                PATIENCE);
    }

    /**
     * Answers the question on screen with its n-th answer (0-based) and waits for what follows; a
     * "get seen today" notice on the way is read and continued from, as a person would.
     */
    void answers(int index) {
        var question = currentQuestion();
        int number = questionNumber(question);
        var choice = telegram.buttonsData(chatId, question.messageId()).stream()
                .filter(d -> d.startsWith("q:")).toList().get(index);
        tapOn(question.messageId(), choice);
        if (number < questionTotal(question) && !choice.endsWith(":e:y")) {
            waitFor(() -> currentQuestionNumber() == number + 1 || todayNotice().isPresent(), "question " + (number + 1));
            if (currentQuestionNumber() != number + 1) {
                tapOn(todayNotice().orElseThrow().messageId(), "resume");
                waitFor(() -> currentQuestionNumber() == number + 1, "question " + (number + 1));
            }
        } else {
            waitFor(() -> result().isPresent(), "the result");
        }
    }

    /** The newest "get seen today" notice with its Continue button, if one is on screen. */
    Optional<FakeMessage> todayNotice() {
        return messageWithButton(d -> d.equals("resume")).filter(m -> m.text() != null && m.text().contains("Get seen today"));
    }

    /** The result message, once it is on screen. */
    Optional<FakeMessage> result() {
        return telegram.messages(chatId).stream().filter(m -> m.text().contains("What to tell your doctor")).findFirst();
    }

    FakeMessage currentQuestion() {
        return messageWithButton(d -> d.startsWith("q:"))
                .orElseThrow(() -> new AssertionError("no question on screen: " + telegram.messages(chatId)));
    }

    int currentQuestionNumber() {
        return messageWithButton(d -> d.startsWith("q:")).map(TelegramPerson::questionNumber).orElse(0);
    }

    String lastText() {
        var shown = telegram.messages(chatId);
        return shown.isEmpty() ? "" : shown.get(shown.size() - 1).text();
    }

    List<FakeMessage> screen() {
        return telegram.messages(chatId);
    }

    void waitFor(Supplier<Boolean> condition, String what) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                .untilAsserted(() -> assertThat(condition.get()).as(() -> what + "; chat shows " + telegram.messages(chatId)).isTrue());
    }

    private Optional<FakeMessage> messageWithButton(java.util.function.Predicate<String> data) {
        var shown = telegram.messages(chatId);
        for (int i = shown.size() - 1; i >= 0; i--) {
            var message = shown.get(i);
            if (telegram.buttonsData(chatId, message.messageId()).stream().anyMatch(data)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private static int questionNumber(FakeMessage message) {
        var m = java.util.regex.Pattern.compile("Question (\\d+) of (\\d+)").matcher(message.text());
        assertThat(m.find()).as("a question message: %s", message.text()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int questionTotal(FakeMessage message) {
        var m = java.util.regex.Pattern.compile("Question (\\d+) of (\\d+)").matcher(message.text());
        assertThat(m.find()).as("a question message: %s", message.text()).isTrue();
        return Integer.parseInt(m.group(2));
    }

    // ---------------------------------------------------------------- a patient person on a flaky line
    //
    // On a bad network a reply can come late, or not at all once the bot's retries run out. A person
    // then goes by what the chat shows: if the next screen does not come within a few seconds, they
    // look again and tap the button of the question on screen again; if no question is on screen,
    // they send /start and carry on from the welcome ("Continue my check"). They never tap "begin"
    // for a check that may already have begun: that would start a second check.

    static final String RESULT_MARK = "What to tell your doctor";
    static final String WELCOME_MARK = "Welcome to SpotCheck";

    /** Taps repeated and /start sent again because the next screen was slow or lost. */
    int repeats;
    /** A person reads a screen before tapping; a third of a second is quick for a human. */
    Duration readingTime = Duration.ofMillis(350);
    private int startsTyped;
    private final List<String> diary = new ArrayList<>();

    /**
     * /start, then "begin" on the welcome, until question 1 shows. When it does not show in time,
     * /start again: its welcome offers "Continue my check" if "begin" took effect. "Begin" is tapped
     * again only on the welcome that answers a /start sent after the first "begin" (one welcome per
     * /start, and the bot handles a chat's updates in order, so that welcome proves no check began).
     */
    void startsTheCheckPatiently(Duration patience, long deadlineNanos) {
        boolean begun = false;
        int startsAtBegin = 0;
        typesStart();
        while (currentQuestionNumber() == 0) {
            giveUpAfter(deadlineNanos, "question 1");
            boolean answered = waitUpTo(patience,
                    () -> currentQuestionNumber() > 0 || welcomes().size() >= startsTyped);
            if (currentQuestionNumber() > 0) {
                break;
            }
            var welcomes = welcomes();
            var newest = welcomes.isEmpty() ? null : welcomes.get(welcomes.size() - 1);
            String tap = null;
            if (newest != null && telegram.buttonsData(chatId, newest.messageId()).contains("resume")) {
                tap = "resume"; // always safe: it only shows the check in progress
            } else if (answered && newest != null && (!begun || startsTyped > startsAtBegin)) {
                tap = "begin";
            }
            if (tap != null && tapsQuietly(newest.messageId(), tap)) {
                if (tap.equals("begin")) {
                    begun = true;
                    startsAtBegin = startsTyped;
                }
                if (waitUpTo(patience, () -> currentQuestionNumber() > 0)) {
                    break;
                }
            }
            repeats++;
            typesStart(); // the question did not come: ask where things stand
        }
    }

    /**
     * Answers the question on screen, again and again, until the result shows: each question with the
     * answer button at {@code position.applyAsInt(questionNumber, numberOfAnswers)}. Returns the
     * callback data of the answer chosen for each question number.
     */
    /** "Get seen today" notices this person has already continued from. */
    private final java.util.Set<Integer> continued = new java.util.HashSet<>();

    Map<Integer, String> answersPatiently(IntBinaryOperator position, Duration patience, long deadlineNanos) {
        var chosen = new TreeMap<Integer, String>();
        while (!resultShown()) {
            giveUpAfter(deadlineNanos, "the result");
            var notice = todayNotice();
            if (notice.isPresent() && currentQuestionNumber() == 0 && !continued.contains(notice.get().messageId())) {
                // "Get seen today" came before the next question: read it, then Continue (once it worked, never
                // again: Continue on a finished check shows the result again, as it should).
                if (tapsQuietly(notice.get().messageId(), "resume")
                        && waitUpTo(patience, () -> resultShown() || currentQuestionNumber() > 0)) {
                    continued.add(notice.get().messageId());
                }
                continue;
            }
            var question = messageWithButton(d -> d.startsWith("q:"));
            if (question.isEmpty()) {
                // The last question turns into "finished" just before the result comes: wait for it.
                if (waitUpTo(patience, () -> resultShown() || currentQuestionNumber() > 0)) {
                    continue;
                }
                // The question message was lost: ask where things stand and carry on from there.
                repeats++;
                typesStart();
                boolean welcomed = waitUpTo(patience, () -> resultShown() || currentQuestionNumber() > 0
                        || welcomes().size() >= startsTyped);
                if (welcomed && !resultShown() && currentQuestionNumber() == 0) {
                    var welcome = welcomes().get(welcomes().size() - 1);
                    if (telegram.buttonsData(chatId, welcome.messageId()).contains("resume")
                            && tapsQuietly(welcome.messageId(), "resume")) {
                        waitUpTo(patience, () -> resultShown() || currentQuestionNumber() > 0);
                    }
                }
                continue;
            }
            var shown = question.get();
            int number = questionNumber(shown);
            var answers = telegram.buttonsData(chatId, shown.messageId()).stream()
                    .filter(d -> d.startsWith("q:")).toList();
            String data = answers.get(Math.floorMod(position.applyAsInt(number, answers.size()), answers.size()));
            chosen.putIfAbsent(number, data);
            if (!tapsQuietly(shown.messageId(), data)) {
                continue; // the message went away meanwhile: look again
            }
            if (!waitUpTo(patience, () -> resultShown() || !showsQuestion(shown.messageId(), number))) {
                repeats++; // nothing moved: look again, and tap again
            }
        }
        return chosen;
    }

    boolean resultShown() {
        return screen().stream().anyMatch(m -> m.text() != null && m.text().contains(RESULT_MARK));
    }

    /** Welcome messages on screen, oldest first; each /start brings exactly one. */
    List<FakeMessage> welcomes() {
        return screen().stream().filter(m -> m.text() != null && m.text().contains(WELCOME_MARK)).toList();
    }

    /** Taps without waiting for the tap's answer; false if the message is no longer there to tap. */
    boolean tapsQuietly(int messageId, String data) {
        pause(readingTime);
        try {
            telegram.sendCallback(chatId, messageId, data);
        } catch (IllegalStateException gone) {
            return false;
        }
        diary.add("tap " + data + " on #" + messageId);
        return true;
    }

    /** What this person did last and what their chat shows, for a failure message. */
    String describe() {
        var shown = new ArrayList<String>();
        for (var m : screen()) {
            String text = m.text() == null ? "" : m.text().replace('\n', ' ');
            shown.add("#" + m.messageId() + " " + text.substring(0, Math.min(50, text.length())) + " "
                    + telegram.buttonsData(chatId, m.messageId()));
        }
        boolean resultLost = screen().stream().anyMatch(m -> m.text() != null && m.text().contains("Check finished"))
                && !resultShown();
        return (resultLost ? "THE RESULT WAS LOST (the check finished, its result never came); " : "")
                + "person " + chatId + " did " + diary.subList(Math.max(0, diary.size() - 12), diary.size())
                + "; chat shows " + shown;
    }

    private void typesStart() {
        types("/start");
        startsTyped++;
        diary.add("/start");
    }

    private boolean showsQuestion(int messageId, int number) {
        var now = messageWithButton(d -> d.startsWith("q:"));
        return now.isPresent() && now.get().messageId() == messageId && questionNumber(now.get()) == number;
    }

    private void giveUpAfter(long deadlineNanos, String what) {
        if (System.nanoTime() > deadlineNanos) {
            throw new AssertionError("waited in vain for " + what + ": " + describe());
        }
    }

    private static boolean waitUpTo(Duration patience, BooleanSupplier done) {
        return Patience.waitUpTo(patience, Duration.ofMillis(20), done);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
