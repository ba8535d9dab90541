package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Check;
import org.spotcheck.check.Question;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.ChatState;
import org.spotcheck.store.ChatStore;
import org.spotcheck.store.Database;
import org.spotcheck.store.Secret;
import org.spotcheck.telegram.FakeBotApi;

/**
 * The packaged bot, killed with SIGKILL again and again while people do the check, restarted
 * each time on the same database: nobody's answer is lost, none is applied twice, everybody gets
 * their result. The Bot API stand-in lives in this JVM and outlives every crash, as Telegram would.
 *
 * <p>Seeded: {@code -Dcrash.seed=N} replays a run's plan (everyone's answers and pace, the moments
 * of the kills; the scheduler's timing still varies). The logs of every run of the bot are kept in
 * target/crash-restart-it/.
 */
class CrashRestartIT {

    private static final String TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final int PEOPLE = 12;
    private static final int SLOW_READERS = 2;
    /** SIGKILLs at least while people are answering, if time allows; at most MAX_KILLS in all. */
    private static final int KILLS = 6;
    private static final int MAX_KILLS = 14;
    private static final Duration KILL_PHASE = Duration.ofSeconds(40);
    private static final int MIN_KILLS = 5;
    private static final Duration START_UP = Duration.ofSeconds(20);
    private static final Duration API_LATENCY = Duration.ofMillis(Long.getLong("crash.latency", 80));

    @RegisterExtension
    final PackagedBotAgainstStandIn packaged = new PackagedBotAgainstStandIn(TOKEN, "crash-restart-it");

    // What the tests read, under the names they read it by.
    private FakeBotApi telegram;
    private Path dir;
    private Path logs;
    private BotProcess bot;
    private ExecutorService crowd;
    private int runs;

    @BeforeEach
    void setUp() throws IOException {
        telegram = packaged.telegram();
        dir = packaged.folder();
        logs = packaged.logs();
    }

    @AfterEach
    void stopThePeople() {
        if (crowd != null) {
            crowd.shutdownNow(); // before the extension stops the bot and the stand-in
        }
    }

    private Path database() {
        return dir.resolve("spotcheck.db");
    }

    /** Apart from the data, as the bot keeps it by default. */
    private Path secretFile() {
        return dir.resolve("config").resolve("secret");
    }

    private BotProcess startBot() throws IOException {
        runs++;
        var environment = packaged.environment();
        environment.put("SPOTCHECK_DB", database().toString());
        environment.put("SPOTCHECK_SECRET_FILE", secretFile().toString());
        return packaged.start(environment, String.format("run-%02d", runs));
    }

    @Test
    @Timeout(value = 110, unit = TimeUnit.SECONDS)
    void nothingIsLostOrAppliedTwiceWhenTheBotIsKilledAgainAndAgain() throws Exception {
        long seed = Long.getLong("crash.seed", 20_240_611L);
        var random = new Random(seed);
        long t0 = System.nanoTime();

        // Everyone's answers, fixed in advance: never the emergency "yes", which would end the check at once.
        var people = new ArrayList<PatientPerson>();
        var expected = new TreeMap<Long, Map<Question, Answer>>();
        for (int i = 0; i < PEOPLE; i++) {
            long chatId = 7_000_001L + i * 7919L;
            var choices = new java.util.HashMap<String, String>();
            var answers = new EnumMap<Question, Answer>(Question.class);
            for (Question question : Question.values()) {
                var offered = new ArrayList<>(Check.begin(1).choices(question)); // what a first check shows as buttons
                // Answers that make the level Today show a notice with Continue first; these people go straight on,
                // and with "None of these" everyone is asked ten questions (the cervix one only after a hysterectomy).
                offered.removeAll(List.of(Answer.PAIN_DEEP, Answer.HYSTERECTOMY_RECENT, Answer.AGE_UNDER_13));
                Answer answer = question == Question.EMERGENCY ? Answer.EMERGENCY_NONE
                        : question == Question.SITUATION ? Answer.SITUATION_NONE : offered.get(random.nextInt(offered.size()));
                choices.put(question.code(), answer.code()); // the codes the button's data carries
                answers.put(question, answer);
            }
            if (answers.get(Question.SCREENING) != Answer.HYSTERECTOMY_PAST) {
                answers.remove(Question.CERVIX); // asked only after a hysterectomy
            }
            expected.put(chatId, answers);
            // Most read a question in under two seconds; two read slowly, so someone is always still
            // answering while the kills go on, however fast the machine restarts the bot.
            var pace = i < SLOW_READERS ? new PatientPerson.Pace(random.nextInt(2_000), 2_000, 3_500)
                    : new PatientPerson.Pace(random.nextInt(4_000), 400, 2_000);
            people.add(new PatientPerson(telegram, chatId, choices, pace, random.nextLong()));
        }

        // Telegram is tens of milliseconds away, not one: each reply takes a while to go out, and a crash
        // can fall between a committed answer and the messages that show it.
        telegram.setDelay(API_LATENCY);
        bot = startBot();
        var firstStart = bot.awaitPolling(telegram, START_UP);

        // Generous: on a machine shared with other builds each restart can take several seconds, and the
        // slow readers still need a dozen questions after the last kill. What is asserted is nothing lost.
        long peopleDeadline = t0 + TimeUnit.SECONDS.toNanos(85);
        crowd = Executors.newFixedThreadPool(PEOPLE);
        var finished = new AtomicInteger();
        var outcomes = new ArrayList<Future<?>>();
        for (var person : people) {
            outcomes.add(crowd.submit(() -> {
                try {
                    person.doTheCheck(peopleDeadline);
                } finally {
                    finished.incrementAndGet();
                }
                return null;
            }));
        }

        // The crashes: SIGKILL at a random moment after the bot is up, wait until it is gone, start it again.
        int kills = 0;
        int killsWhileAnswering = 0;
        var startUps = new ArrayList<Long>();
        startUps.add(firstStart.toMillis());
        // At least KILLS while people answer, and on until the quick readers are done (so crashes also meet
        // the last answers and the results), within bounds.
        long killsEnd = t0 + KILL_PHASE.toNanos();
        while (finished.get() < PEOPLE && kills < MAX_KILLS && System.nanoTime() < killsEnd
                && (killsWhileAnswering < KILLS || finished.get() < PEOPLE - SLOW_READERS)) {
            Thread.sleep(500 + random.nextInt(2_001));
            if (finished.get() < PEOPLE) {
                killsWhileAnswering++;
            }
            bot.kill();
            kills++;
            bot = startBot();
            // Now and then, kill it again at once: while it is still starting (reading back its inbox),
            // or just as it polls again and works through everything sent while it was down.
            int again = random.nextInt(4);
            if (killsWhileAnswering < KILLS && again < 2) {
                if (again == 0) {
                    Thread.sleep(300 + random.nextInt(1_200));
                } else {
                    startUps.add(bot.awaitPolling(telegram, START_UP).toMillis());
                    Thread.sleep(random.nextInt(400));
                }
                if (bot.alive()) {
                    if (finished.get() < PEOPLE) {
                        killsWhileAnswering++;
                    }
                    bot.kill();
                    kills++;
                    bot = startBot();
                }
            }
            startUps.add(bot.awaitPolling(telegram, START_UP).toMillis());
        }
        long killPhaseMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        int doneAtLastKill = finished.get();

        // The last run keeps going until everyone has a result.
        var failures = new ArrayList<String>();
        for (var outcome : outcomes) {
            try {
                outcome.get(Math.max(1, peopleDeadline + TimeUnit.SECONDS.toNanos(2) - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(String.valueOf(e.getCause().getMessage()));
            } catch (TimeoutException e) {
                failures.add("a person still busy at the deadline");
            }
        }
        int exit = bot.terminate(Duration.ofSeconds(10));
        long walBytes = walBytes();

        // The database, read after the last run is gone: every check whole, nothing pending.
        int lost = 0;
        var wrong = new ArrayList<String>();
        var chatKeys = new ChatKeys(Secret.of(Optional.empty(), secretFile()));
        var store = new ChatStore();
        int pending;
        try (var database = Database.open(database())) {
            for (var entry : expected.entrySet()) {
                Optional<ChatState> state = database.inTransaction(
                        c -> store.load(c, chatKeys.keyFor(entry.getKey())));
                var check = state.flatMap(ChatState::check);
                // Check ids are drawn at random: the one check the person answered is the one stored.
                var answered = people.stream().filter(p -> p.chatId == entry.getKey()).findFirst().orElseThrow().checkIds;
                boolean whole = check.isPresent() && answered.equals(java.util.Set.of(check.get().id()))
                        && check.get().finished() && check.get().answers().equals(entry.getValue());
                if (!whole) {
                    lost++;
                    wrong.add("chat " + entry.getKey() + ": expected check " + answered + ", finished, " + entry.getValue()
                            + "; stored " + check);
                }
            }
            pending = database.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM inbox")) {
                    return rs.getInt(1);
                }
            });
        }

        // The logs of every run: each update applied once at most, across all of them.
        var applied = new AppliedUpdates();
        var problems = new ArrayList<String>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    applied.read(line);
                    if (line.contains("ERROR") || line.contains("Exception")) {
                        problems.add(log.getFileName() + ": " + line);
                    }
                }
            }
        }
        var twice = applied.twice();

        // The figures first, so a failing run still reports them.
        int taps = people.stream().mapToInt(p -> p.taps).sum();
        int retaps = people.stream().mapToInt(p -> p.retaps).sum();
        int starts = people.stream().mapToInt(p -> p.starts).sum();
        int resumes = people.stream().mapToInt(p -> p.resumes).sum();
        int resultsAgain = people.stream().mapToInt(p -> p.resultsAgain).sum();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        System.out.printf("crash-restart: seed %d, %d runs of the bot, start-up to polling %s ms, kill phase %d ms"
                        + " (%d of %d people done by the last kill), %d taps (%d again on an unchanged question),"
                        + " %d /start, %d resume, %d results asked for again, %d error lines in logs (%s)%n",
                seed, runs, startUps, killPhaseMillis, doneAtLastKill, PEOPLE, taps, retaps, starts, resumes,
                resultsAgain, problems.size(), logs);
        problems.stream().limit(10).forEach(p -> System.out.println("crash-restart:   " + p));
        System.out.printf("crash-restart: %d SIGKILLs survived, %d people finished, %d answers lost, %d applied twice,"
                        + " %d updates applied (%d s)%n",
                kills, people.stream().filter(PatientPerson::resultShown).count(), lost, twice.size(), applied.size(),
                seconds);

        assertThat(failures).as("people without a result (logs in %s, seed %d)", logs, seed).isEmpty();
        assertThat(people).allMatch(PatientPerson::resultShown);
        assertThat(wrong).as("stored checks").isEmpty();
        assertThat(pending).as("updates left in the inbox").isZero();
        // Each answer was applied at least once, so the log names at least that many update ids: a count
        // that found no lines (a changed log line, a lower log level) must not pass as "none applied twice".
        assertThat(applied.size()).as("update ids applied, from the bots' logs")
                .isGreaterThanOrEqualTo(expected.values().stream().mapToInt(Map::size).sum());
        assertThat(twice).as("update ids applied more than once").isEmpty();
        assertThat(kills).isGreaterThanOrEqualTo(MIN_KILLS);
        assertThat(killsWhileAnswering).as("kills while people were still answering").isGreaterThanOrEqualTo(MIN_KILLS);
        assertThat(exit).as("exit status after an orderly stop by SIGTERM").isZero();
        assertThat(walBytes).as("bytes left in spotcheck.db-wal after a clean stop").isZero();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigtermStopsCleanlyAndLeavesTheDatabaseWhole() throws Exception {
        bot = startBot();
        bot.awaitPolling(telegram, START_UP);

        // Something to keep: a check begun, question 1 on screen.
        long chatId = 4_242_001L;
        telegram.sendText(chatId, "/start");
        var welcome = awaitMessage(chatId, m -> m.text() != null && m.text().contains("Welcome to SpotCheck"));
        telegram.sendCallback(chatId, welcome.messageId(), "begin");
        awaitMessage(chatId, m -> m.text() != null && m.text().contains("Question 1 of "));

        int exit = bot.terminate(Duration.ofSeconds(10)); // the README's bound
        assertThat(exit).as("exit status after an orderly stop by SIGTERM").isZero();
        assertThat(walBytes()).as("bytes left in spotcheck.db-wal after a clean stop").isZero();

        var chatKeys = new ChatKeys(Secret.of(Optional.empty(), secretFile()));
        try (var database = Database.open(database())) {
            var state = database.inTransaction(c -> new ChatStore().load(c, chatKeys.keyFor(chatId)));
            var check = state.flatMap(ChatState::check).orElseThrow();
            assertThat(check.id()).isPositive();
            assertThat(check.current()).contains(Question.EMERGENCY);
            int pending = database.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM inbox")) {
                    return rs.getInt(1);
                }
            });
            assertThat(pending).isZero();
        }
    }

    /** The first message of the chat that matches; on a timeout, Awaitility's message shows the whole chat. */
    private FakeBotApi.FakeMessage awaitMessage(long chatId, Predicate<FakeBotApi.FakeMessage> shown) {
        return await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .pollInSameThread().alias("a message in chat " + chatId)
                .until(() -> telegram.messages(chatId), chat -> chat.stream().anyMatch(shown))
                .stream().filter(shown).findFirst().orElseThrow();
    }

    /** A clean close checkpoints the write-ahead log into the database and removes it: 0 when it did. */
    private long walBytes() throws IOException {
        Path wal = dir.resolve("spotcheck.db-wal");
        return Files.exists(wal) ? Files.size(wal) : 0;
    }
}
