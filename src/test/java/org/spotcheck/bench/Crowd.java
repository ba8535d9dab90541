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

    private static final Pattern QUESTION = Pattern.compile("Question (\\d) of 8");

    /** One simulated person: a fixed plan of answers (never the emergency), a count of checks to do. */
    final class Person {
        final long chatId;
        final List<Integer> plan; // answer position for questions 1..8
        int checksLeft;
        int checksDone;
        long tappedAt;
        int awaiting; // the question number we wait to see next; 9 = the result

        Person(long chatId, List<Integer> plan, int checks) {
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
                String choice = buttons.stream().filter(b -> b.startsWith("a:") && b.endsWith(":" + plan.get(number - 1)))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no answer button in " + buttons));
                tap(messageId, choice, number == 8 ? 9 : number + 1);
            } else if (awaiting == 9 && text.contains("What to tell your doctor")) {
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
            var answers = new java.util.EnumMap<Question, Answer>(Question.class);
            for (var question : Question.values()) {
                answers.put(question, question.answers().get(plan.get(question.ordinal())));
            }
            return answers;
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
            var plan = new ArrayList<Integer>();
            for (var question : Question.values()) {
                // Never the emergency (it would end the check at once); otherwise any answer.
                plan.add(question == Question.EMERGENCY ? 1 : random.nextInt(question.answers().size() - (question == Question.FREQUENCY ? 1 : 0)));
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

    /** Updates each person sends per check: /start, begin, eight answers. */
    static int updatesPerCheck() {
        return 2 + Question.count();
    }
}
