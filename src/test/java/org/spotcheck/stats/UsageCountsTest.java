package org.spotcheck.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.chat.Dialogue;
import org.spotcheck.MutableClock;
import org.spotcheck.check.Action;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Input;
import org.spotcheck.check.Question;
import org.spotcheck.check.Urgency;
import org.spotcheck.store.Counters;
import org.spotcheck.store.Database;
import org.spotcheck.store.Retention;
import org.spotcheck.store.TempDatabase;
import org.spotcheck.store.Usage;
import org.spotcheck.text.LocalServices;
import org.spotcheck.text.Texts;

/**
 * The operator's figures (--stats) come from week counters written in each turn's transaction:
 * they count what happened, hide the breakdown of a small week, and hold nothing about a chat.
 */
class UsageCountsTest {

    private static final String SECRET = "usage-counts-test-secret-0123456789";
    /** A Monday, so a week of scripted checks stays inside one ISO week. */
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final long FIRST_CHAT = 5_551_234_001L;
    private static final String TOKEN = "7305566:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";

    @RegisterExtension
    final TempDatabase store = new TempDatabase(SECRET);

    private final MutableClock clock = new MutableClock(MONDAY);
    private Database database;
    private Dialogue dialogue;

    @BeforeEach
    void open() {
        database = store.database();
        dialogue = new Dialogue(database, store.reminders(), Texts.load(), clock, List.of(Duration.ofDays(2), Duration.ofDays(7)));
    }

    @Test
    void aWeekWithTwentyFinishedChecksShowsTheUrgencyOfEachAndTheLanguagesTheyStartedIn() {
        var urgencies = new EnumMap<Urgency, Integer>(Urgency.class);
        for (int person = 0; person < 24; person++) {
            String language = person < 18 ? "en" : "es";
            urgencies.merge(finishACheck(FIRST_CHAT + person, language, person), 1, Integer::sum);
        }
        startACheck(FIRST_CHAT + 100, "de"); // started, never finished

        var week = reportNextWeek().weeks().get(0);

        assertThat(week.name()).isEqualTo("2026-W49");
        assertThat(week.started()).as("25, rounded").isEqualTo(25);
        assertThat(week.finished()).as("24, rounded").isEqualTo(25);
        var breakdown = week.breakdown().orElseThrow();
        for (Urgency urgency : Urgency.values()) {
            int count = urgencies.getOrDefault(urgency, 0);
            assertThat(breakdown.results().get(urgency.key())).as(urgency.key()).isEqualTo((count + 2) / 5 * 5L);
        }
        assertThat(breakdown.languages()).containsEntry("en", 20L).containsEntry("es", 5L).containsEntry("de", 0L)
                .containsEntry("ru", 0L);
    }

    @Test
    void remindersAreCountedWhenSetAndTheConsoleDemoIsNotCountedAtAll() {
        var urgencies = new ArrayList<Urgency>();
        for (int person = 0; person < 20; person++) {
            urgencies.add(finishACheck(FIRST_CHAT + person, "en", person));
        }
        // Reminders in days are offered only for results that are not Today or Now.
        int set = 0;
        for (int person = 0; person < 20 && set < 6; person++) {
            if (urgencies.get(person).compareTo(Urgency.SOON) >= 0) {
                tap(FIRST_CHAT + person, "en", new Action.RemindIn(Duration.ofDays(2)));
                set++;
            }
        }
        assertThat(set).as("people whose result offers a reminder").isEqualTo(6);
        // The console's turns are a demo on the operator's own screen, not people using the bot.
        dialogue.take("console-chat", new Input.Tap(new Action.Begin()), "en");

        var week = reportNextWeek().weeks().get(0);

        assertThat(week.started()).isEqualTo(20);
        assertThat(week.breakdown().orElseThrow().remindersSet()).as("6, rounded").isEqualTo(5);
        assertThat(week.breakdown().orElseThrow().remindersSent()).isZero();
        assertThat(database.inTransaction(new Counters()::all)).filteredOn(w -> w.usage().event() == Usage.Event.REMINDER_SET)
                .extracting(Counters.Week::count).containsExactly(6L);
    }

    @Test
    void aWeekWithFewerThanTwentyFinishedChecksShowsOnlyItsTotals() {
        for (int person = 0; person < 20; person++) {
            finishACheck(FIRST_CHAT + person, "en", person);
        }
        clock.advance(Duration.ofDays(7));
        for (int person = 0; person < 19; person++) {
            finishACheck(FIRST_CHAT + 50 + person, "ru", person);
        }

        var report = reportNextWeek();

        assertThat(report.weeks()).extracting(UsageReport.Period::name).containsExactly("2026-W49", "2026-W50");
        assertThat(report.weeks().get(0).breakdown()).isPresent();
        var small = report.weeks().get(1);
        assertThat(small.finished()).isEqualTo(19);
        assertThat(small.breakdown()).isEmpty();
        assertThat(report.total().finished()).as("39, rounded").isEqualTo(40);
        assertThat(report.text()).contains("2026-W50  checks started 19, finished 19 (fewer than 20 finished: no breakdown)\n"
                + "total ");
        assertThat(report.json()).contains("{\"period\":\"2026-W50\",\"started\":19,\"finished\":19,\"rounded\":false}");
    }

    @Test
    void pagesAndCommandsCountNothing() {
        long chat = FIRST_CHAT;
        take(chat, "en", new Input.Typed(Input.Command.START));
        take(chat, "en", new Input.Typed(Input.Command.PRIVACY));
        take(chat, "en", new Input.Typed(Input.Command.HELP));
        tap(chat, "en", new Action.ShowPrivacy());

        assertThat(database.inTransaction(new Counters()::all)).isEmpty();
    }

    @Test
    void theCountersTableHoldsNoChatKeyNoChatIdAndNoTimeFinerThanAWeek() {
        var keys = new ArrayList<String>();
        for (int person = 0; person < 21; person++) {
            finishACheck(FIRST_CHAT + person, person % 2 == 0 ? "en" : "pt-BR", person);
            tap(FIRST_CHAT + person, "en", new Action.RemindIn(Duration.ofDays(2)));
            keys.add(store.chatKeys().keyFor(FIRST_CHAT + person));
        }

        var columns = database.inTransaction(c -> {
            var names = new ArrayList<String>();
            try (var rs = c.createStatement().executeQuery("SELECT name FROM pragma_table_info('usage_week')")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
        var cells = database.inTransaction(c -> {
            var values = new ArrayList<String>();
            try (var rs = c.createStatement().executeQuery("SELECT week, event, detail, count FROM usage_week")) {
                while (rs.next()) {
                    for (int column = 1; column <= 4; column++) {
                        values.add(rs.getString(column));
                    }
                }
            }
            return values;
        });

        assertThat(columns).containsExactly("week", "event", "detail", "count");
        assertThat(cells).isNotEmpty();
        for (String cell : cells) {
            for (String key : keys) {
                assertThat(cell).doesNotContain(key).doesNotContain(key.substring(0, 8));
            }
            for (int person = 0; person < 21; person++) {
                assertThat(cell).doesNotContain(Long.toString(FIRST_CHAT + person));
            }
        }
        var weeks = database.inTransaction(new Counters()::all).stream().map(Counters.Week::week).distinct().toList();
        assertThat(weeks).containsExactly("2026-W49");
    }

    @Test
    void countersOfWeeksOlderThanTwoYearsAreDeletedByTheRetentionRun() {
        finishACheck(FIRST_CHAT, "en", 0);
        clock.advance(Duration.ofDays(7));
        finishACheck(FIRST_CHAT + 1, "en", 1);

        clock.advance(Duration.ofDays(732)); // today 2028-12-08: two years back is 2026-12-08, in the second week
        new Retention(database, clock).run();

        var left = database.inTransaction(new Counters()::all);
        assertThat(left).isNotEmpty().allSatisfy(week -> assertThat(week.week()).isEqualTo("2026-W50"));
    }

    @Test
    void theWeekStillUnderWayShowsNoBreakdownHoweverManyChecksFinished() {
        for (int person = 0; person < 21; person++) {
            finishACheck(FIRST_CHAT + person, "en", person);
        }

        var week = UsageReport.of(database.inTransaction(new Counters()::all), LocalDate.parse("2026-12-06")).weeks().get(0);

        assertThat(week.finished()).isEqualTo(21);
        assertThat(week.breakdown()).isEmpty();
        assertThat(week.why()).isEqualTo("this week is not over");
    }

    @Test
    void aClosedWeekWithFewerThanTwentyFinishedChecksKeepsOnlyItsTotalsInTheDatabase() {
        for (int person = 0; person < 3; person++) {
            finishACheck(FIRST_CHAT + person, person == 0 ? "de" : "en", person);
            tap(FIRST_CHAT + person, "en", new Action.RemindIn(Duration.ofDays(2)));
        }
        clock.advance(Duration.ofDays(7));
        new Retention(database, clock).run();

        var rows = database.inTransaction(new Counters()::all);

        assertThat(rows).containsExactlyInAnyOrder(
                new Counters.Week("2026-W49", new Usage(Usage.Event.CHECK_STARTED, Counters.ALL), 3),
                new Counters.Week("2026-W49", new Usage(Usage.Event.CHECK_FINISHED, Counters.ALL), 3));
    }

    @Test
    void theTotalsBreakdownAddsUpOnlyTheWeeksThatShowOneSoNoHiddenWeekCanBeSubtracted() {
        for (int person = 0; person < 20; person++) {
            finishACheck(FIRST_CHAT + person, "en", person);
        }
        var bigWeek = reportNextWeek().weeks().get(0).breakdown().orElseThrow();
        clock.advance(Duration.ofDays(7));
        for (int person = 0; person < 7; person++) {
            finishACheck(FIRST_CHAT + 50 + person, "ru", person);
        }

        var report = reportNextWeek();

        assertThat(report.weeks().get(1).breakdown()).isEmpty();
        assertThat(report.total().breakdown()).contains(bigWeek);
        assertThat(report.total().finished()).as("27, rounded").isEqualTo(25);
    }

    @Test
    void noFigureBesideABreakdownIsExactSoNoCellIsTheTotalMinusTheOthers() {
        for (int person = 0; person < 23; person++) {
            finishACheck(FIRST_CHAT + person, "en", person);
        }
        startACheck(FIRST_CHAT + 100, "de");

        var report = reportNextWeek();

        var figures = new ArrayList<Long>();
        for (var period : List.of(report.weeks().get(0), report.total())) {
            figures.add(period.started());
            figures.add(period.finished());
            var b = period.breakdown().orElseThrow();
            figures.addAll(b.results().values());
            figures.addAll(b.languages().values());
            figures.add(b.remindersSet());
            figures.add(b.remindersSent());
        }
        assertThat(figures).allSatisfy(figure -> assertThat(figure % 5).isZero());
    }

    @Test
    void theReadmeExampleIsWhatTheReportPrintsForItsCounts() throws Exception {
        var counters = new Counters();
        var w49 = LocalDate.parse("2026-12-01");
        var w50 = LocalDate.parse("2026-12-08");
        var w51 = LocalDate.parse("2026-12-15");
        database.inTransaction(c -> {
            add(c, counters, w49, Map.of(Usage.finished(Urgency.NOW), 2, Usage.finished(Urgency.TODAY), 6,
                    Usage.finished(Urgency.SOON), 12, Usage.finished(Urgency.WATCH), 7));
            add(c, counters, w49, Map.of(Usage.started("en"), 25, Usage.started("es"), 9, Usage.started("pt-BR"), 4,
                    Usage.started("ru"), 2, Usage.started("de"), 1));
            add(c, counters, w49, Map.of(Usage.reminderSet(org.spotcheck.check.ReminderKind.DOCTOR), 8,
                    Usage.reminderSent(org.spotcheck.check.ReminderKind.DOCTOR), 5));
            add(c, counters, w50, Map.of(Usage.started("en"), 12, Usage.finished(Urgency.SOON), 9));
            add(c, counters, w51, Map.of(Usage.started("es"), 5, Usage.finished(Urgency.WATCH), 3));
            return null;
        });
        String readme = java.nio.file.Files.readString(Path.of("README.md"));
        String example = readme.substring(readme.indexOf("```\n2026-W49") + 4);
        example = example.substring(0, example.indexOf("```"));

        String printed = UsageReport.of(database.inTransaction(counters::all), w51).text();

        assertThat(printed).endsWith("\n\n" + example);
    }

    private static void add(java.sql.Connection c, Counters counters, LocalDate day, Map<Usage, Integer> counts)
            throws java.sql.SQLException {
        for (var count : counts.entrySet()) {
            for (int i = 0; i < count.getValue(); i++) {
                counters.count(c, day, List.of(count.getKey()));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void aFinishedCheckIsCountedAtTheLevelItShowedWhereScreeningStartsAt21() {
        dialogue = new Dialogue(database, store.reminders(), Texts.load(new LocalServices(Map.of(), Map.of(), 21)), clock,
                List.of(Duration.ofDays(2), Duration.ofDays(7)));
        var mild = Map.of(Question.EMERGENCY, Answer.EMERGENCY_NONE, Question.AGE, Answer.AGE_16_24,
                Question.SITUATION, Answer.SITUATION_NONE, Question.FREQUENCY, Answer.ONCE,
                Question.BETWEEN_PERIODS, Answer.BETWEEN_NO, Question.BIRTH_CONTROL, Answer.BIRTH_CONTROL_NO,
                Question.PAIN, Answer.PAIN_NO, Question.DISCHARGE, Answer.DISCHARGE_NO,
                Question.STI_RISK, Answer.STI_RISK_NO, Question.SCREENING, Answer.SCREENING_OVERDUE);
        var outcome = tap(FIRST_CHAT, "en", new Action.Begin());
        while (outcome.state().check().filter(c -> !c.finished()).isPresent()) {
            var check = outcome.state().check().get();
            var question = check.current().orElseThrow();
            outcome = tap(FIRST_CHAT, "en", new Action.Choose(check.id(), question, mild.get(question)));
        }

        var counted = database.inTransaction(new Counters()::all).stream().map(Counters.Week::usage).toList();

        // 16–24 and overdue is Soon where screening starts at 21; at the default 25 it would be Watch.
        assertThat(counted).contains(Usage.finished(Urgency.SOON)).doesNotContain(Usage.finished(Urgency.WATCH));
    }

    /** The figures as read once the week of the clock's day is over. */
    private UsageReport reportNextWeek() {
        return UsageReport.of(database.inTransaction(new Counters()::all),
                clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(7));
    }

    private void startACheck(long chat, String language) {
        tap(chat, language, new Action.Begin());
    }

    /** Begins a check and answers it, picking a different choice per person; returns the result's urgency. */
    private Urgency finishACheck(long chat, String language, int variant) {
        var outcome = tap(chat, language, new Action.Begin());
        for (int step = 0; outcome.state().check().filter(c -> !c.finished()).isPresent(); step++) {
            var check = outcome.state().check().get();
            var question = check.current().orElseThrow();
            var choices = check.choices(question);
            // Never the first choice of the first question: that is the emergency answer, which ends the check at once.
            var answer = choices.get(step == 0 ? choices.size() - 1 : (variant + step) % choices.size());
            outcome = tap(chat, language, new Action.Choose(check.id(), question, answer));
        }
        return outcome.state().check().orElseThrow().result().urgency();
    }

    private Dialogue.Outcome tap(long chat, String language, Action action) {
        return take(chat, language, new Input.Tap(action));
    }

    private Dialogue.Outcome take(long chat, String language, Input input) {
        return dialogue.take(store.chatKeys().keyFor(chat), OptionalLong.of(chat), input, language, OptionalInt.empty());
    }
}
