package org.spotcheck.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every answer path of the check, walked as a person would: at each question every answer the
 * check offers, following the skips, until the check ends. The leaves are the finished checks.
 */
public final class Paths {

    /** Without and with a remembered earlier check ("it happened again" is offered only then). */
    public static final List<Optional<LocalDate>> EARLIER = List.of(Optional.empty(), Optional.of(LocalDate.of(2026, 9, 30)));

    private Paths() {
    }

    /** Calls {@code finished} with the end of every path, for a check without and with an earlier check. */
    public static void forEach(Consumer<Check> finished) {
        for (var earlier : EARLIER) {
            walk(Check.begin(1, earlier), finished);
        }
    }

    public static List<Check> all() {
        var all = new ArrayList<Check>();
        forEach(all::add);
        return all;
    }

    private static void walk(Check check, Consumer<Check> finished) {
        if (check.finished()) {
            finished.accept(check);
            return;
        }
        var question = check.current().orElseThrow();
        for (var answer : check.choices(question)) {
            walk(check.answer(answer), finished);
        }
    }
}
