package org.spotcheck.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spotcheck.telegram.FakeBotApi;
import org.spotcheck.telegram.FakeBotApi.FakeMessage;

/**
 * A person who does the whole check while the bot keeps crashing, the way a human would: they
 * only go by what the chat shows. They look for the current question, read its number and tap
 * their answer to that question; when the screen does not move on, they look again and tap again;
 * when nothing useful is on screen for a while, or taps lead nowhere, they send /start and carry on
 * from the welcome ("Show my last result", "Continue my check", or "begin"). They tap "begin" at most
 * once (a second check would be a new check), never the emergency "yes".
 */
final class PatientPerson {

    static final String RESULT = "What to tell your doctor";
    private static final Pattern NUMBER = Pattern.compile("Question (\\d+) of \\d+");

    /** How long a tap may take to show before the person looks again. */
    private static final long PATIENCE_MILLIS = 2_000;
    /** How long nothing useful may be on screen before the person sends /start again. */
    private static final long START_AGAIN_MILLIS = 3_000;
    /** Taps on an unchanging question before the person also tries /start. */
    private static final int TAPS_BEFORE_START = 3;

    private final FakeBotApi telegram;
    final long chatId;
    /** Per question code, the code of the answer this person taps (callback data "q:CHECK:QUESTION:ANSWER"). */
    private final java.util.Map<String, String> choices;
    private final Random random;

    private final List<String> queryIds = new ArrayList<>();
    private final List<String> diary = new ArrayList<>();
    /** The checks (by the id their buttons carry) this person answered: one, unless "begin" was doubled. */
    final java.util.Set<Integer> checkIds = new java.util.TreeSet<>();
    private boolean tappedBegin;
    private boolean sawQuestion;
    private long lastStart = Long.MIN_VALUE / 2;
    int taps;
    int retaps;
    int starts;
    int resumes;
    /** Results asked for again with "Show my last result". */
    int resultsAgain;

    /** When the person opens the chat, and how long they read each question, in milliseconds. */
    record Pace(int arriveMillis, int readMinMillis, int readMaxMillis) {
    }

    private final Pace pace;

    PatientPerson(FakeBotApi telegram, long chatId, java.util.Map<String, String> choices, Pace pace, long seed) {
        this.telegram = telegram;
        this.chatId = chatId;
        this.choices = java.util.Map.copyOf(choices);
        this.pace = pace;
        this.random = new Random(seed);
    }

    /** Does the check until the result shows; fails, with what the chat shows, at the deadline. */
    void doTheCheck(long deadlineNanos) {
        pause(pace.arriveMillis());
        startAgain();
        int lastNumber = 0;
        int unchanged = 0;
        while (!resultShown()) {
            if (System.nanoTime() > deadlineNanos) {
                throw new AssertionError("person " + chatId + " got no result in time; " + describe());
            }
            // Like anyone, they act on the newest thing on screen: a welcome below the question is the
            // answer to their /start, and they follow it.
            Optional<FakeMessage> question = newest(d -> d.startsWith("q:"));
            Optional<FakeMessage> welcome = newestWelcome();
            String choice = welcome.map(this::welcomeChoice).orElse(null);
            if (choice != null && (question.isEmpty() || welcome.get().messageId() > question.get().messageId())) {
                int id = welcome.get().messageId();
                if (!tap(id, choice)) {
                    continue;
                }
                switch (choice) {
                    case "result" -> resultsAgain++; // the check finished but its result never came
                    case "resume" -> resumes++;
                    default -> tappedBegin = true;
                }
                diary.add(choice + " on " + id);
                if (waitUpTo(PATIENCE_MILLIS,
                        () -> resultShown() || newest(d -> d.startsWith("q:")).filter(m -> m.messageId() > id).isPresent())) {
                    unchanged = 0;
                } else if (++unchanged >= TAPS_BEFORE_START) {
                    unchanged = 0; // e.g. "resume" on an old welcome, answered "this check is finished"
                    startAgain();
                }
                continue;
            }
            if (question.isPresent()) {
                sawQuestion = true;
                FakeMessage q = question.get();
                int number = number(q);
                String data = telegram.buttonsData(chatId, q.messageId()).stream()
                        .filter(d -> d.startsWith("q:") && d.endsWith(":" + choices.get(d.split(":")[2]))).findFirst()
                        .orElseThrow(() -> new AssertionError("person " + chatId + ": no button of theirs on " + q.text()));
                if (!tap(q.messageId(), data)) {
                    continue; // the message went away just now: look again
                }
                checkIds.add(Integer.parseInt(data.split(":")[1]));
                if (number == lastNumber) {
                    retaps++;
                }
                lastNumber = number;
                diary.add("Q" + number + " tap " + data + " on " + q.messageId());
                int id = q.messageId();
                if (waitUpTo(PATIENCE_MILLIS, () -> resultShown() || !sameQuestion(id, number))) {
                    unchanged = 0;
                    think(pace.readMinMillis(), pace.readMaxMillis()); // reading the next question
                } else if (++unchanged >= TAPS_BEFORE_START) {
                    unchanged = 0;
                    startAgain();
                }
                continue;
            }
            // Nothing to tap: the bot is away, or the welcome came before "begin" took effect. They wait for
            // something to tap, and send /start again once the last one is START_AGAIN_MILLIS old.
            long sinceStart = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastStart);
            if (sinceStart >= START_AGAIN_MILLIS
                    || !waitUpTo(START_AGAIN_MILLIS - sinceStart, () -> resultShown() || somethingToTap())) {
                startAgain();
            }
        }
    }

    /**
     * What they tap on a welcome: their last result if it is offered, else their check to continue,
     * else "begin" — only once, and never once they have seen a question (that would be a second check).
     */
    private String welcomeChoice(FakeMessage welcome) {
        var offered = buttons(welcome);
        if (offered.contains("result")) {
            return "result";
        }
        if (offered.contains("resume")) {
            return "resume";
        }
        return offered.contains("begin") && !tappedBegin && !sawQuestion ? "begin" : null;
    }

    /** A question, or a welcome with something on it for this person to tap. */
    private boolean somethingToTap() {
        return newest(d -> d.startsWith("q:")).isPresent() || newestWelcome().map(this::welcomeChoice).isPresent();
    }

    private Optional<FakeMessage> newestWelcome() {
        return newest(d -> d.equals("begin") || d.equals("resume") || d.equals("result"))
                .filter(m -> m.text() != null && m.text().contains("Welcome to SpotCheck"));
    }

    boolean resultShown() {
        return telegram.messages(chatId).stream().anyMatch(m -> m.text() != null && m.text().contains(RESULT));
    }

    private void startAgain() {
        telegram.sendText(chatId, "/start");
        starts++;
        lastStart = System.nanoTime();
        diary.add("/start");
    }

    /** Taps, as long as the message is still there; the tap's answer is not waited for (the bot may be dead). */
    private boolean tap(int messageId, String data) {
        try {
            queryIds.add(telegram.sendCallback(chatId, messageId, data));
            taps++;
            return true;
        } catch (IllegalStateException gone) {
            return false;
        }
    }

    private boolean sameQuestion(int messageId, int number) {
        var now = newest(d -> d.startsWith("q:"));
        return now.isPresent() && now.get().messageId() == messageId && number(now.get()) == number;
    }

    private Optional<FakeMessage> newest(Predicate<String> buttonData) {
        var shown = telegram.messages(chatId);
        for (int i = shown.size() - 1; i >= 0; i--) {
            var message = shown.get(i);
            if (buttons(message).stream().anyMatch(buttonData)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private List<String> buttons(FakeMessage message) {
        var data = new ArrayList<String>();
        if (message.replyMarkup() == null) {
            return data;
        }
        for (var row : message.replyMarkup().path("inline_keyboard")) {
            for (var button : row) {
                if (button.has("callback_data")) {
                    data.add(button.get("callback_data").asText());
                }
            }
        }
        return data;
    }

    private int number(FakeMessage message) {
        Matcher m = NUMBER.matcher(message.text() == null ? "" : message.text());
        if (!m.find()) {
            throw new AssertionError("person " + chatId + ": a message with answer buttons but no question number: "
                    + message.text());
        }
        return Integer.parseInt(m.group(1));
    }

    private static boolean waitUpTo(long millis, BooleanSupplier done) {
        return Patience.waitUpTo(Duration.ofMillis(millis), Duration.ofMillis(40), done);
    }

    private void think(int minMillis, int maxMillis) {
        pause(minMillis + random.nextInt(maxMillis - minMillis + 1));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What the person saw and did, and what the bot answered to their taps, for a failure message. */
    String describe() {
        var toasts = new ArrayList<String>();
        for (var call : telegram.calls("answerCallbackQuery")) {
            if (queryIds.contains(call.body().path("callback_query_id").asText())) {
                toasts.add(call.body().path("text").asText(""));
            }
        }
        var screen = new ArrayList<String>();
        for (var m : telegram.messages(chatId)) {
            String text = m.text() == null ? "" : m.text().replace('\n', ' ');
            screen.add("#" + m.messageId() + " " + text.substring(0, Math.min(60, text.length())) + " " + buttons(m));
        }
        boolean finishedWithoutResult = !resultShown() && (toasts.stream().anyMatch(t -> t.contains("check is finished"))
                || telegram.messages(chatId).stream().anyMatch(m -> m.text() != null && m.text().contains("Check finished")));
        return (finishedWithoutResult ? "THE RESULT WAS LOST: the check is finished but its result never came; " : "")
                + "taps " + taps + ", /start " + starts + "; last actions " + diary.subList(Math.max(0, diary.size() - 12),
                diary.size()) + "; last toasts " + toasts.subList(Math.max(0, toasts.size() - 5), toasts.size())
                + "; chat shows " + screen;
    }
}
