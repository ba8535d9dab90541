package org.spotcheck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.spotcheck.check.Answer;
import org.spotcheck.check.Question;

/**
 * N simulated people in a closed loop: each taps the next button as soon as the bot has shown
 * the previous answer, through the whole check, for a number of checks. Records the wait from
 * each tap to the next question (or the result).
 */
final class Crowd {

    private static final int RESULT = -1;
    private static final Pattern QUESTION = Pattern.compile("Question (\\d+) of (\\d+)");

    /** One simulated person: a fixed plan of answers (never the emergency), a count of checks to do. */
    final class Person {
        final long chatId;
        final Map<Question, Answer> plan; // the answer to each question
        int checksLeft;
        int checksDone;
        long tappedAt;
        int awaiting; // the question number we wait to see next; RESULT = the result
        /** The checks this person answered (ids are drawn at random), and the last one. */
        final java.util.Set<Integer> checkIds = new java.util.HashSet<>();
        int lastCheckId;

        Person(long chatId, Map<Question, Answer> plan, int checks) {
            this.chatId = chatId;
            this.plan = plan;
            this.checksLeft = checks;
        }

        synchronized void shown(int messageId, String text, List<String> buttons) {
            if (checksLeft == 0) {
                return;
            }
            var question = QUESTION.matcher(text);
            if (awaiting == 0 && buttons.contains("begin")) {
                tap(messageId, "begin", 1);
            } else if (question.find() && Integer.parseInt(question.group(1)) == awaiting) {
                record();
                int number = awaiting;
                boolean last = number == Integer.parseInt(question.group(2));
                // Answer buttons carry "q:CHECK:QUESTION:ANSWER" in codes.
                String choice = buttons.stream().filter(b -> b.startsWith("q:")
                                && b.endsWith(":" + plan.get(Question.ofCode(b.split(":")[2])).code()))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no answer button in " + buttons));
                checkIds.add(Integer.parseInt(choice.split(":")[1]));
                lastCheckId = Integer.parseInt(choice.split(":")[1]);
                tap(messageId, choice, last ? RESULT : number + 1);
            } else if (awaiting == RESULT && text.contains("What to tell your doctor")) {
                record();
                checksDone++;
                checksLeft--;
                if (checksLeft == 0) {
                    done.countDown();
                } else {
                    tap(messageId, "begin", 1); // "Start again"
                }
            }
        }

        private void tap(int messageId, String data, int next) {
            awaiting = next;
            tappedAt = System.nanoTime();
            api.tap(chatId, messageId, data);
        }

        private void record() {
            if (measuring) {
                long now = System.nanoTime();
                waits.add(now - tappedAt);
                botWaits.add(now - Math.max(tappedAt, api.deliveredAt(chatId)));
            }
        }

        /** The answers this person gives, as the store should hold them. */
        Map<Question, Answer> answers() {
            return Map.copyOf(plan);
        }
    }

    private final BenchBotApi api;
    final List<Person> people = new ArrayList<>();
    private final Map<Long, Person> byChat = new ConcurrentHashMap<>();
    private final List<Long> waits = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Long> botWaits = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile boolean measuring;
    private CountDownLatch done;

    Crowd(BenchBotApi api, int size, long firstChatId) {
        this.api = api;
        var random = new java.util.Random(size);
        for (int i = 0; i < size; i++) {
            var plan = new java.util.EnumMap<Question, Answer>(Question.class);
            for (var question : Question.values()) {
                // Never the emergency (it would end the check at once), nor an answer that shows "get seen
                // today" before the next question; "None of these" keeps all ten questions; otherwise any answer.
                var offered = new ArrayList<>(org.spotcheck.check.Check.begin(1).choices(question));
                offered.removeAll(List.of(Answer.PAIN_DEEP, Answer.HYSTERECTOMY_RECENT));
                plan.put(question, question == Question.EMERGENCY ? Answer.EMERGENCY_NONE
                        : question == Question.SITUATION ? Answer.SITUATION_NONE : offered.get(random.nextInt(offered.size())));
            }
            var person = new Person(firstChatId + i, plan, 0);
            people.add(person);
            byChat.put(person.chatId, person);
        }
        api.listen((chat, messageId, text, buttons) -> {
            var person = byChat.get(chat);
            if (person != null) {
                person.shown(messageId, text, buttons);
            }
        });
    }

    /** Everyone does this many checks; returns the seconds it took, or fails after the timeout. */
    double run(int checksEach, boolean measure, long timeoutSeconds) throws InterruptedException {
        waits.clear();
        botWaits.clear();
        measuring = measure;
        done = new CountDownLatch(people.size());
        long start = System.nanoTime();
        for (var person : people) {
            synchronized (person) {
                person.checksLeft = checksEach;
                person.awaiting = 0;
            }
            api.sendCommand(person.chatId, "/start");
        }
        if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " of " + people.size() + " people did not finish in "
                    + timeoutSeconds + " s");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits from tap to the next question, in milliseconds, sorted. */
    double[] waitsMillis() {
        synchronized (waits) {
            return waits.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        }
    }

    /** The bot's part of each wait: from the update reaching the bot to the next question reaching Telegram. */
    double[] botWaitsMillis() {
        synchronized (botWaits) {
            return botWaits.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        }
    }

    /** Updates each person sends per check: /start, begin, ten answers. */
    static int updatesPerCheck() {
        return 2 + Question.values().length;
    }
}
