package org.spotcheck.check;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random things a person could do in a chat, for the property tests. Most steps are fixed inputs
 * (commands, free text, unreadable buttons, and buttons carrying any action at all, with check ids
 * that may be old, negative or huge, and answers that may belong to another question). Taps that
 * are all arbitrary almost never hit the question on screen, so some steps tap a button of the
 * screen the person is looking at; they are resolved against the chat's check when played, which
 * lets sequences run whole checks through to the result.
 *
 * Actions are generated for every record that {@link Action} permits, so a new kind of button is
 * covered without touching this file, as long as its components are of a type known here.
 */
public final class InputSequences {

    private InputSequences() {
    }

    /** One step of a sequence; {@link #input} turns it into an input against the chat's check. */
    public sealed interface Step {
        Input input(Optional<Check> check);
    }

    /** An input decided up front, whatever is on screen. */
    public record Given(Input input) implements Step {
        @Override
        public Input input(Optional<Check> check) {
            return input;
        }
    }

    /**
     * Taps an answer to the question on screen (one of the choices it shows; "yes, an emergency"
     * only one time in five, so that more checks run to the end); with no check in progress,
     * "Start again" (even pick) or an answer button of an old message (odd pick).
     */
    public record TapAnswer(int pick) implements Step {
        @Override
        public Input input(Optional<Check> check) {
            if (check.isPresent() && !check.get().finished()) {
                var question = check.get().current().orElseThrow();
                var answers = check.get().choices(question);
                var answer = question == Question.EMERGENCY
                        ? (pick % 5 == 0 ? Answer.EMERGENCY_YES : Answer.EMERGENCY_NONE)
                        : answers.get(pick % answers.size());
                return new Input.Tap(new Action.Choose(check.get().id(), question, answer));
            }
            if (pick % 2 == 0) {
                return new Input.Tap(new Action.Begin());
            }
            var question = Question.values()[(pick / 2) % Question.values().length];
            var answer = question.answers().get((pick / 2) % question.answers().size());
            return new Input.Tap(new Action.Choose(check.map(Check::id).orElse(1), question, answer));
        }
    }

    /** Taps, for the question on screen, with the right check id, an answer that belongs to another question. */
    public record TapForeignAnswer(int pick) implements Step {
        @Override
        public Input input(Optional<Check> check) {
            var question = check.flatMap(Check::current).orElse(Question.EMERGENCY);
            var foreign = Arrays.stream(Answer.values()).filter(a -> a.question() != question).toList();
            return new Input.Tap(new Action.Choose(check.map(Check::id).orElse(1), question,
                    foreign.get(pick % foreign.size())));
        }
    }

    /** Taps "Back" under the question on screen (or under the first question when there is none). */
    public record TapBack() implements Step {
        @Override
        public Input input(Optional<Check> check) {
            return new Input.Tap(new Action.Back(check.map(Check::id).orElse(1),
                    check.flatMap(Check::current).orElse(Question.EMERGENCY)));
        }
    }

    /** Answers the "Shall I remember this check?" of the check on screen. */
    public record TapRemember(boolean yes) implements Step {
        @Override
        public Input input(Optional<Check> check) {
            return new Input.Tap(new Action.Remember(check.map(Check::id).orElse(1), yes));
        }
    }

    /** Check ids as a button could carry them: mostly near the real ones, sometimes anything. */
    public static Arbitrary<Integer> checkIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(-2, 6)),
                Tuple.of(2, Arbitraries.integers()),
                Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 999_999_999, 1_000_000_000, -1, 0)));
    }

    private static Arbitrary<Long> anyLongs() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(-2, 10)),
                Tuple.of(2, Arbitraries.longs()),
                Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 999_999_999_999_999_999L,
                        1_000_000_000_000_000_000L)));
    }

    /** Any answer for any question: mostly one of its own, sometimes one of another question. */
    private static Arbitrary<Action.Choose> anyChooses() {
        var own = Combinators.combine(checkIds(), Arbitraries.of(Answer.class))
                .as((id, answer) -> new Action.Choose(id, answer.question(), answer));
        var any = Combinators.combine(checkIds(), Arbitraries.of(Question.class), Arbitraries.of(Answer.class))
                .as(Action.Choose::new);
        return Arbitraries.frequencyOf(Tuple.of(3, own), Tuple.of(1, any));
    }

    /** Every kind of action, with any check id, question, answer, cause, index or reminder id. */
    public static Arbitrary<Action> actions() {
        return everyKind(anyChooses(), component -> {
            Class<?> type = component.getType();
            if (type == int.class) {
                return checkIds();
            }
            if (type == long.class) {
                return anyLongs();
            }
            return byType(component);
        });
    }

    /**
     * The actions SpotCheck itself puts on buttons (what {@code CallbackData.decode} can give):
     * check ids that fit in the data, answers of their own question, a delay's position among at
     * most four, reminder ids as SQLite hands them out.
     */
    public static Arbitrary<Action> buttonActions() {
        var checkIds = Arbitraries.oneOf(Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 20), Arbitraries.of(0, 1, 999_999_999, Integer.MAX_VALUE));
        var chooses = Combinators.combine(checkIds, Arbitraries.of(Answer.class))
                .as((id, answer) -> new Action.Choose(id, answer.question(), answer));
        return everyKind(chooses, component -> switch (component.getName()) {
            case "checkId" -> checkIds;
            case "reminderId" -> Arbitraries.oneOf(Arbitraries.longs().between(1, 1_000),
                    Arbitraries.longs().between(1, 999_999_999_999_999_999L));
            default -> byType(component);
        });
    }

    private static Arbitrary<?> byType(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == boolean.class) {
            return Arbitraries.of(true, false);
        }
        if (type.isEnum()) {
            return Arbitraries.of(type.getEnumConstants());
        }
        if (type == Duration.class) {
            // The configured delays, and any other (e.g. a delay since taken out of the settings).
            return Arbitraries.oneOf(Arbitraries.of(Duration.ofDays(2), Duration.ofDays(7)),
                    Arbitraries.longs().between(1, Duration.ofDays(90).toSeconds()).map(Duration::ofSeconds));
        }
        if (type == String.class && component.getName().equals("language")) {
            // The languages SpotCheck speaks, and codes it does not (which must change nothing).
            return Arbitraries.of("en", "es", "pt-BR", "ru", "de", "fr", "xx-YY");
        }
        throw new IllegalStateException("no generator for " + component + " of "
                + component.getDeclaringRecord().getSimpleName() + ": add one in InputSequences");
    }

    /** One arbitrary per kind of action, all equally likely; Choose from {@code chooses}. */
    private static Arbitrary<Action> everyKind(Arbitrary<Action.Choose> chooses,
                                               Function<RecordComponent, Arbitrary<?>> components) {
        var kinds = new ArrayList<Arbitrary<? extends Action>>();
        for (Class<?> kind : Action.class.getPermittedSubclasses()) {
            kinds.add(kind == Action.Choose.class ? chooses : record(kind.asSubclass(Action.class), components));
        }
        return Arbitraries.oneOf(kinds);
    }

    private static Arbitrary<Action> record(Class<? extends Action> kind,
                                            Function<RecordComponent, Arbitrary<?>> components) {
        var parts = kind.getRecordComponents();
        var types = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Function<List<Object>, Action> make = values -> {
            try {
                return kind.getDeclaredConstructor(types).newInstance(values.toArray());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + kind.getSimpleName(), e);
            }
        };
        if (parts.length == 0) {
            return Arbitraries.just(make.apply(List.of()));
        }
        var arbitraries = new ArrayList<Arbitrary<Object>>();
        for (var part : parts) {
            arbitraries.add(components.apply(part).map(Object.class::cast));
        }
        return Combinators.combine(arbitraries).as(make::apply);
    }

    /** Any input: a command, free text, an unreadable button (Tap(null)) or a button with any action. */
    public static Arbitrary<Input> inputs() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(Input.Command.class).map(Input.Typed::new)),
                Tuple.of(1, Arbitraries.just(new Input.Other())),
                Tuple.of(1, Arbitraries.just(new Input.Tap(null))),
                Tuple.of(6, actions().map(Input.Tap::new)));
    }

    public static Arbitrary<Step> steps() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, inputs().map(Given::new)),
                Tuple.of(10, Arbitraries.integers().between(0, 99).map(TapAnswer::new)),
                Tuple.of(1, Arbitraries.integers().between(0, 99).map(TapForeignAnswer::new)),
                Tuple.of(1, Arbitraries.just(new TapBack())),
                Tuple.of(2, Arbitraries.of(true, false).map(TapRemember::new)));
    }

    public static Arbitrary<List<Step>> sequences(int maxLength) {
        return steps().list().ofMinSize(1).ofMaxSize(maxLength);
    }

    /** The delays a doctor reminder may be set for: one to four, as the settings allow. */
    public static Arbitrary<List<Duration>> reminderDelays() {
        return Arbitraries.longs().between(1, Duration.ofDays(90).toSeconds()).map(Duration::ofSeconds)
                .list().ofMinSize(1).ofMaxSize(4);
    }

    /** What a turn knows besides the check: the delays, and maybe an earlier check the person let us remember. */
    public static Arbitrary<Context> contexts() {
        var remembered = Arbitraries.longs().between(0, 40_000).map(LocalDate.of(2000, 1, 1)::plusDays).optional(0.5);
        var ids = Arbitraries.oneOf(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, Integer.MAX_VALUE));
        return Combinators.combine(reminderDelays(), remembered, ids, Arbitraries.of(21, 25)).as(Context::new);
    }

    /** One turn as played: the check before, the input it became, and what the conversation did. */
    public record Played(Optional<Check> before, Input input, Conversation.Turn turn) {
        public Optional<Check> after() {
            return turn.check();
        }
    }

    /** Folds the steps through {@link Conversation#handle}, starting from a chat with no check. */
    public static List<Played> play(List<Step> steps, Context context) {
        var played = new ArrayList<Played>();
        Optional<Check> check = Optional.empty();
        for (Step step : steps) {
            Input input = step.input(check);
            var turn = Conversation.handle(check, input, context);
            played.add(new Played(check, input, turn));
            check = turn.check();
        }
        return played;
    }

    /** The inputs of the turns up to and including {@code upTo}, for failure messages. */
    public static String inputsUpTo(List<Played> played, int upTo) {
        var text = new StringBuilder();
        for (int i = 0; i <= upTo && i < played.size(); i++) {
            text.append("\n  ").append(i).append(": ").append(played.get(i).input());
        }
        return text.toString();
    }
}
