package org.spotcheck.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.spotcheck.telegram.FakeBotApi;

/**
 * N simulated people in a closed loop, each walking several checks one after another: /start,
 * "Start the check", then whatever question is shown, answered by tapping one of its answer
 * buttons, until a result appears; then /start again. Nothing about the questions is known in
 * advance: a person reads the keyboard that arrives, so the workload follows the question set.
 * Records the wait from each update to the screen it brings, by kind of step.
 */
final class Crowd {

    /** The kinds of step a person feels. */
    enum Step {
        START("/start"), BEGIN("start the check"), ANSWER("answer tap"), RESULT("result");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** Buttons the people recognise: SpotCheck's callback data, which the reference bot speaks too. */
    static final String BEGIN = "begin";
    static final String ANSWER_PREFIX = "q:";
    /** Continue, under a notice to get seen today that comes before the end of a check. */
    static final String RESUME = "resume";

    private enum Awaiting { WELCOME, QUESTION, NOTHING }

    /** One simulated person. */
    final class Person {
        final long chatId;
        private final Random random;
        private int checksLeft;
        private Awaiting awaiting = Awaiting.NOTHING;
        private Step step;
        private long sentAt;
        private boolean firstStart;
        private String lastKeyboard = "";
        /** New messages offering "begin" without answers: one welcome and one result per check. */
        private int beginOffers;
        private int expectedBeginOffers;

        Person(long chatId, long seed) {
            this.chatId = chatId;
            this.random = new Random(seed);
        }

        synchronized void shown(int messageId, List<String> buttons, boolean fresh) {
            boolean answers = buttons.stream().anyMatch(b -> b.startsWith(ANSWER_PREFIX));
            if (fresh && !answers && buttons.contains(BEGIN)) {
                beginOffers++;
            }
            if (awaiting == Awaiting.WELCOME && fresh && !answers && buttons.contains(BEGIN)) {
                expectedBeginOffers++;
                record(Step.START);
                send(Step.BEGIN, () -> tap(messageId, BEGIN));
            } else if (awaiting == Awaiting.QUESTION && answers && !String.join(" ", buttons).equals(lastKeyboard)) {
                record(step);
                lastKeyboard = String.join(" ", buttons);
                var choices = buttons.stream().filter(b -> b.startsWith(ANSWER_PREFIX)).toList();
                // The first question of a check is the emergency screen: its last answer is "no", so the
                // check goes on; every later question gets any of its answers.
                String choice = step == Step.BEGIN ? choices.get(choices.size() - 1) : choices.get(random.nextInt(choices.size()));
                send(Step.ANSWER, () -> tap(messageId, choice));
            } else if (awaiting == Awaiting.QUESTION && fresh && !answers && buttons.contains(RESUME)) {
                // A get-seen-today notice before the end of the check: read it, then carry on.
                record(step);
                lastKeyboard = "";
                send(Step.ANSWER, () -> tap(messageId, RESUME));
            } else if (awaiting == Awaiting.QUESTION && step == Step.ANSWER && fresh && !answers && buttons.contains(BEGIN)) {
                expectedBeginOffers++;
                record(Step.RESULT);
                lastKeyboard = "";
                if (--checksLeft == 0) {
                    awaiting = Awaiting.NOTHING;
                    done.countDown();
                } else {
                    start();
                }
            }
        }

        private void start() {
            send(Step.START, () -> api.sendText(chatId, "/start"));
            awaiting = Awaiting.WELCOME;
        }

        private void tap(int messageId, String data) {
            watch.tapped(api.sendCallback(chatId, messageId, data));
        }

        private void send(Step next, Runnable update) {
            step = next;
            awaiting = next == Step.START ? Awaiting.WELCOME : Awaiting.QUESTION;
            sentAt = System.nanoTime();
            update.run();
        }

        private void record(Step kind) {
            long now = System.nanoTime();
            long from = sentAt;
            if (firstStart) {
                // The first burst waits from the bot's first getUpdates: that is when the deploy is done.
                from = Math.max(sentAt, watch.firstGetUpdatesNanos.get());
                firstBurst.add(now - from);
                firstStart = false;
            }
            waits.get(kind).add(now - from);
            long handed = watch.handedAt(chatId);
            if (handed >= sentAt) {
                botParts.add(now - handed);
            }
        }

        /** Welcomes and results beyond one each per step taken: an update applied twice shows here. */
        synchronized int extraScreens() {
            return Math.max(0, beginOffers - expectedBeginOffers);
        }
    }

    private final FakeBotApi api;
    private final Watch watch;
    final List<Person> people = new ArrayList<>();
    private final Map<Long, Person> byChat = new ConcurrentHashMap<>();
    private final Map<Step, List<Long>> waits = new EnumMap<>(Step.class);
    private final List<Long> firstBurst = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Long> botParts = java.util.Collections.synchronizedList(new ArrayList<>());
    private CountDownLatch done;

    Crowd(FakeBotApi api, Watch watch, int size, long firstChatId) {
        this.api = api;
        this.watch = watch;
        for (Step step : Step.values()) {
            waits.put(step, java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        for (int i = 0; i < size; i++) {
            var person = new Person(firstChatId + i, 31L * size + i);
            people.add(person);
            byChat.put(person.chatId, person);
        }
        watch.listen((chat, messageId, buttons, fresh) -> {
            var person = byChat.get(chat);
            if (person != null) {
                person.shown(messageId, buttons, fresh);
            }
        });
    }

    /**
     * Everyone sends /start at once (the burst after a deploy) and will walk this many checks; the
     * updates wait in the stand-in until the bot first polls.
     */
    void begin(int checksEach) {
        done = new CountDownLatch(people.size());
        for (var person : people) {
            synchronized (person) {
                person.checksLeft = checksEach;
                person.firstStart = true;
                person.start();
            }
        }
    }

    /** Waits until everyone has finished; false at the timeout. */
    boolean awaitDone(long timeoutSeconds) throws InterruptedException {
        return done.await(timeoutSeconds, TimeUnit.SECONDS);
    }

    long unfinished() {
        return done.getCount();
    }

    /** Waits of one kind of step, in milliseconds, sorted. */
    double[] waitsMillis(Step step) {
        return sorted(waits.get(step));
    }

    /** Every step's wait, in milliseconds, sorted: tap (or command) to screen. */
    double[] allWaitsMillis() {
        var all = new ArrayList<Long>();
        for (var list : waits.values()) {
            synchronized (list) {
                all.addAll(list);
            }
        }
        return sorted(all);
    }

    /** The first /start of every person, timed from the bot's first getUpdates. */
    double[] firstBurstMillis() {
        return sorted(firstBurst);
    }

    /**
     * The bot's part of every step, in milliseconds, sorted: from the getUpdates answer that handed it
     * the update to the screen reaching the stand-in. The rest of a step's wait is Telegram's: the
     * update waiting for a poll, and the poll's round trip.
     */
    double[] botPartsMillis() {
        return sorted(botParts);
    }

    int extraScreens() {
        return people.stream().mapToInt(Person::extraScreens).sum();
    }

    private static double[] sorted(List<Long> nanos) {
        synchronized (nanos) {
            return nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        }
    }
}
