package org.spotcheck.stats;

import java.time.temporal.IsoFields;
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
import org.spotcheck.text.Texts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operator's figures (--stats) per ISO week (UTC) and in total. A period with fewer than
 * {@value #BREAKDOWN_FROM} finished checks shows only how many checks were started and finished:
 * someone who knows a person used the bot that week must not learn their result, language or
 * reminder from a breakdown. In a breakdown, counts under {@value #SHOWN_FROM} show as "<5".
 */
public final class UsageReport {

    public static final int BREAKDOWN_FROM = 20;
    static final int SHOWN_FROM = 5;
    static final String FEW = "<" + SHOWN_FROM;

    /** What a period's breakdown shows; each count is a number or "<5". */
    public record Breakdown(Map<String, String> results, Map<String, String> languages, String remindersSet,
                            String remindersSent) {
    }

    /** One week (e.g. 2026-W49) or the total; no breakdown when it had too few finished checks. */
    public record Period(String name, long started, long finished, Optional<Breakdown> breakdown) {
    }

    private final List<Period> weeks;
    private final Period total;

    private UsageReport(List<Period> weeks, Period total) {
        this.weeks = List.copyOf(weeks);
        this.total = total;
    }

    public static UsageReport of(List<Counters.Day> days) {
        var byWeek = new TreeMap<String, List<Counters.Day>>();
        for (var day : days) {
            String week = String.format(Locale.ROOT, "%d-W%02d", day.day().get(IsoFields.WEEK_BASED_YEAR),
                    day.day().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            byWeek.computeIfAbsent(week, w -> new ArrayList<>()).add(day);
        }
        var weeks = byWeek.entrySet().stream().map(e -> period(e.getKey(), e.getValue())).toList();
        return new UsageReport(weeks, period("total", days));
    }

    public List<Period> weeks() {
        return weeks;
    }

    public Period total() {
        return total;
    }

    private static Period period(String name, List<Counters.Day> days) {
        long started = sum(days, u -> u.event() == Usage.Event.CHECK_STARTED);
        long finished = sum(days, u -> u.event() == Usage.Event.CHECK_FINISHED);
        if (finished < BREAKDOWN_FROM) {
            return new Period(name, started, finished, Optional.empty());
        }
        var results = new LinkedHashMap<String, String>();
        for (Urgency urgency : Urgency.values()) {
            results.put(urgency.key(), shown(sum(days, u -> u.equals(Usage.finished(urgency)))));
        }
        var languages = new LinkedHashMap<String, String>();
        Texts.LANGUAGES.forEach(language -> languages.put(language, null));
        days.stream().filter(d -> d.usage().event() == Usage.Event.CHECK_STARTED)
                .forEach(d -> languages.put(d.usage().detail(), null)); // also a language no longer offered
        languages.replaceAll((language, none) -> shown(sum(days, u -> u.equals(Usage.started(language)))));
        return new Period(name, started, finished, Optional.of(new Breakdown(results, languages,
                shown(sum(days, u -> u.event() == Usage.Event.REMINDER_SET)),
                shown(sum(days, u -> u.event() == Usage.Event.REMINDER_SENT)))));
    }

    private static long sum(List<Counters.Day> days, Predicate<Usage> which) {
        return days.stream().filter(d -> which.test(d.usage())).mapToLong(Counters.Day::count).sum();
    }

    private static String shown(long count) {
        return count < SHOWN_FROM ? FEW : Long.toString(count);
    }

    /** For a person: one block per week, then the total. */
    public String text() {
        var out = new StringBuilder();
        out.append("SpotCheck usage per ISO week (UTC). A breakdown is shown only for ").append(BREAKDOWN_FROM)
                .append(" or more finished checks; counts under ").append(SHOWN_FROM).append(" show as ").append(FEW)
                .append(".\nThe day counters are kept ").append(Counters.KEPT.getYears()).append(" years.\n");
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
            out.append(" (fewer than ").append(BREAKDOWN_FROM).append(" finished: no breakdown)\n");
            return;
        }
        var b = period.breakdown().get();
        out.append("\n          results: ").append(list(b.results()))
                .append("\n          languages of checks started: ").append(list(b.languages()))
                .append("\n          reminders set ").append(b.remindersSet()).append(", sent ").append(b.remindersSent())
                .append('\n');
    }

    private static String list(Map<String, String> counts) {
        var parts = new ArrayList<String>();
        counts.forEach((name, count) -> parts.add(name + " " + count));
        return String.join(", ", parts);
    }

    /** For a dashboard (--stats --json): the same figures; counts under 5 in a breakdown are the string "<5". */
    public String json() {
        var mapper = new ObjectMapper();
        var root = mapper.createObjectNode();
        root.put("breakdownFrom", BREAKDOWN_FROM);
        root.put("keptYears", Counters.KEPT.getYears());
        var array = root.putArray("weeks");
        weeks.forEach(week -> json(array.addObject(), week));
        json(root.putObject("total"), total);
        return root.toString();
    }

    private static void json(ObjectNode node, Period period) {
        node.put("period", period.name()).put("started", period.started()).put("finished", period.finished());
        period.breakdown().ifPresent(b -> {
            b.results().forEach(node.putObject("results")::put);
            b.languages().forEach(node.putObject("languages")::put);
            node.putObject("reminders").put("set", b.remindersSet()).put("sent", b.remindersSent());
        });
    }
}
