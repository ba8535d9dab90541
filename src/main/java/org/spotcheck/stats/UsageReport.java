package org.spotcheck.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.spotcheck.check.Urgency;
import org.spotcheck.store.Counters;
import org.spotcheck.store.Usage;
import org.spotcheck.text.Texts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operator's figures (--stats) per ISO week (UTC) and in total. Disclosure control, so that
 * someone who knows a person used the bot cannot learn their result, language or reminder:
 * <ul>
 * <li>a week shows a breakdown only once it is over (two runs during a week would otherwise give the
 * level of each check finished between them) and only with {@value Counters#BREAKDOWN_FROM} or more
 * finished checks; any other week shows only how many checks were started and finished, exactly;
 * <li>a week with a breakdown shows every figure, its totals included, rounded to the nearest
 * {@value #BASE} (conventional rounding to a base): no cell is suppressed, and no exact total stands
 * beside it, so no cell is the total minus the others;
 * <li>the total row is rounded the same way, and its breakdown adds up only the weeks that show one,
 * so subtracting the weeks shown recovers no hidden week.
 * </ul>
 */
final class UsageReport {

    /** Figures beside a breakdown are rounded to a multiple of this. */
    static final int BASE = 5;

    /** What a period's breakdown shows, every count rounded to {@value #BASE}. */
    public record Breakdown(Map<String, Long> results, Map<String, Long> languages, long remindersSet,
                            long remindersSent) {
    }

    /**
     * One week (e.g. 2026-W49) or the total.
     *
     * @param rounded whether started and finished are rounded to {@value #BASE} (beside a breakdown,
     *                and in the total); otherwise they are exact
     * @param why     why there is no breakdown, for the text
     */
    public record Period(String name, long started, long finished, boolean rounded, Optional<Breakdown> breakdown,
                         String why) {
    }

    private final List<Period> weeks;
    private final Period total;

    private UsageReport(List<Period> weeks, Period total) {
        this.weeks = List.copyOf(weeks);
        this.total = total;
    }

    /** @param today the day the figures are read: its week is not over, so it shows no breakdown */
    public static UsageReport of(List<Counters.Week> counted, LocalDate today) {
        String thisWeek = Counters.weekOf(today);
        var byWeek = new TreeMap<String, List<Counters.Week>>();
        counted.forEach(row -> byWeek.computeIfAbsent(row.week(), w -> new ArrayList<>()).add(row));
        var weeks = new ArrayList<Period>();
        var broken = new ArrayList<Counters.Week>(); // the rows of the weeks that show a breakdown
        byWeek.forEach((week, rows) -> {
            long started = sum(rows, u -> u.event() == Usage.Event.CHECK_STARTED);
            long finished = sum(rows, u -> u.event() == Usage.Event.CHECK_FINISHED);
            if (week.compareTo(thisWeek) >= 0) {
                weeks.add(new Period(week, started, finished, false, Optional.empty(), "this week is not over"));
            } else if (finished < Counters.BREAKDOWN_FROM) {
                weeks.add(new Period(week, started, finished, false, Optional.empty(),
                        "fewer than " + Counters.BREAKDOWN_FROM + " finished"));
            } else {
                weeks.add(new Period(week, round(started), round(finished), true, Optional.of(breakdown(rows)), ""));
                broken.addAll(rows);
            }
        });
        var total = new Period("total", round(sum(counted, u -> u.event() == Usage.Event.CHECK_STARTED)),
                round(sum(counted, u -> u.event() == Usage.Event.CHECK_FINISHED)), true,
                broken.isEmpty() ? Optional.empty() : Optional.of(breakdown(broken)),
                "no week shows one");
        return new UsageReport(weeks, total);
    }

    public List<Period> weeks() {
        return weeks;
    }

    public Period total() {
        return total;
    }

    private static Breakdown breakdown(List<Counters.Week> rows) {
        var results = new LinkedHashMap<String, Long>();
        for (Urgency urgency : Urgency.values()) {
            results.put(urgency.key(), round(sum(rows, u -> u.equals(Usage.finished(urgency)))));
        }
        var languages = new LinkedHashMap<String, Long>();
        Texts.LANGUAGES.forEach(language -> languages.put(language, 0L));
        rows.stream().filter(r -> r.usage().event() == Usage.Event.CHECK_STARTED)
                .forEach(r -> languages.put(r.usage().detail(), 0L)); // also a language no longer offered
        languages.replaceAll((language, none) -> round(sum(rows, u -> u.equals(Usage.started(language)))));
        return new Breakdown(results, languages, round(sum(rows, u -> u.event() == Usage.Event.REMINDER_SET)),
                round(sum(rows, u -> u.event() == Usage.Event.REMINDER_SENT)));
    }

    private static long sum(List<Counters.Week> rows, Predicate<Usage> which) {
        return rows.stream().filter(r -> which.test(r.usage())).mapToLong(Counters.Week::count).sum();
    }

    /** To the nearest multiple of {@value #BASE}, halves up: 0 stands for 0 to 2. */
    static long round(long count) {
        return (count + BASE / 2) / BASE * BASE;
    }

    /** For a person: one block per week, then the total. */
    public String text() {
        var out = new StringBuilder();
        out.append("SpotCheck usage per ISO week (UTC). A week shows a breakdown once it is over and had ")
                .append(Counters.BREAKDOWN_FROM).append(" or more finished checks;\nthen its figures, and the total's, are rounded to the nearest ")
                .append(BASE).append(" (0 means 0 to 2). The week counters are kept ").append(Counters.KEPT.getYears())
                .append(" years.\n");
        if (weeks.isEmpty()) {
            return out.append("\nNothing counted yet.\n").toString();
        }
        out.append('\n');
        for (Period week : weeks) {
            text(out, week);
        }
        text(out, total);
        return out.toString();
    }

    private static void text(StringBuilder out, Period period) {
        out.append(String.format(Locale.ROOT, "%-9s checks started %d, finished %d", period.name(), period.started(),
                period.finished()));
        if (period.breakdown().isEmpty()) {
            out.append(" (").append(period.why()).append(": no breakdown)\n");
            return;
        }
        var b = period.breakdown().get();
        out.append("\n          results: ").append(list(b.results()))
                .append("\n          languages of checks started: ").append(list(b.languages()))
                .append("\n          reminders set ").append(b.remindersSet()).append(", sent ").append(b.remindersSent())
                .append('\n');
    }

    private static String list(Map<String, Long> counts) {
        var parts = new ArrayList<String>();
        counts.forEach((name, count) -> parts.add(name + " " + count));
        return String.join(", ", parts);
    }

    /** For a dashboard (--stats --json): the same figures; "rounded" says which are rounded to 5. */
    public String json() {
        var mapper = new ObjectMapper();
        var root = mapper.createObjectNode();
        root.put("breakdownFrom", Counters.BREAKDOWN_FROM);
        root.put("roundedTo", BASE);
        root.put("keptYears", Counters.KEPT.getYears());
        var array = root.putArray("weeks");
        weeks.forEach(week -> json(array.addObject(), week));
        json(root.putObject("total"), total);
        return root.toString();
    }

    private static void json(ObjectNode node, Period period) {
        node.put("period", period.name()).put("started", period.started()).put("finished", period.finished())
                .put("rounded", period.rounded());
        period.breakdown().ifPresent(b -> {
            b.results().forEach(node.putObject("results")::put);
            b.languages().forEach(node.putObject("languages")::put);
            node.putObject("reminders").put("set", b.remindersSet()).put("sent", b.remindersSent());
        });
    }
}
