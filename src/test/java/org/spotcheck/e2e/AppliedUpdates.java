package org.spotcheck.e2e;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spotcheck.log.Logs;

/**
 * The update ids a bot's log says it applied ("update N chat K: applied"), and how often each: the
 * tests that kill or trouble the packaged bot count them to show that none was applied twice. The
 * warm-up's made-up updates are not counted: its lines carry its mark ({@link Logs#REHEARSAL}), and
 * every start of the bot rehearses with the same ids.
 */
final class AppliedUpdates {

    private static final Pattern APPLIED = Pattern.compile("update (\\d+) chat ([0-9a-f]{8}): applied");
    private static final String REHEARSED = "[" + Logs.REHEARSAL + "] ";

    private final Map<Integer, Integer> times = new TreeMap<>();

    /** Counts the line if it says an update was applied, and not in the warm-up's rehearsal. */
    void read(String line) {
        if (line.contains(REHEARSED)) {
            return;
        }
        Matcher m = APPLIED.matcher(line);
        if (m.find()) {
            times.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
    }

    /** How many different update ids were applied. */
    int size() {
        return times.size();
    }

    /** The update ids applied more than once, in order. */
    List<Integer> twice() {
        return times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }
}
