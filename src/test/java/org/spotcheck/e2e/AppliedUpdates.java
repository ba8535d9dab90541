package org.spotcheck.e2e;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The update ids a bot's log says it applied ("update N chat K: applied"), and how often each: the
 * tests that kill or trouble the packaged bot count them to show that none was applied twice.
 */
final class AppliedUpdates {

    private static final Pattern APPLIED = Pattern.compile("update (\\d+) chat ([0-9a-f]{8}): applied");

    private final Map<Integer, Integer> times = new TreeMap<>();

    /** Counts the line if it says an update was applied. */
    void read(String line) {
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
