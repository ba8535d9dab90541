package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.spotcheck.check.Action;
import org.spotcheck.check.InputSequences;

/**
 * callback_data comes back from the client, so any string may arrive. Decoding must be strict:
 * a string decodes only if it is exactly what encoding its action gives.
 */
class CallbackDataPropertiesTest {

    private static final int TRIES = 10_000;

    /** Characters that look harmless or invisible, or like digits to a careless parser. */
    private static final String[] TRICKY = {
            "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", // zero-width
            "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2069", // direction
            "\uD83D\uDE00", "\uD83C\uDDFA\uD83C\uDDF8", "\uD83D\uDC69\u200D\uD83D\uDC69", "\u2764\uFE0F", // emoji
            "\uD83D", "\uDE00", // lone surrogates
            "\uFF10", "\uFF11", "\u0663", "\u06F4", "\u0967", "\uD835\uDFCE", // digits of other scripts
            "\u00A0", " ", "\t", "\n", "\r\n", "\u0000", "|", "+", "-", "\uFF1A", "\u0430", "\u212A", // look-alikes
    };

    @Provide
    Arbitrary<String> callbackData() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0590', '\u06FF')
                        .withChars("\u200B\u200F\u202E:0123456789").ofMaxLength(200)),
                Tuple.of(4, tokenSoup()),
                Tuple.of(2, InputSequences.buttonActions().map(CallbackData::encode)),
                Tuple.of(3, mutatedEncodings()));
    }

    /** Strings built from the pieces of real callback data, mixed with tricky characters. */
    private static Arbitrary<String> tokenSoup() {
        var token = Arbitraries.oneOf(
                Arbitraries.of("a", "k", "w", "c", ":", "::", "0", "00", "1", "7", "8", "9", "42", "999999999",
                        "1000000000", "-1", "begin", "resume", "privacy", "forget", "forget:yes", "forget:no",
                        "remind", "remind:", "rem:", "rem:cancel:", "rem:later:d", "keep:", ":y", ":n", "checkin",
                        "checkin:again", "-9223372036854775808", "9223372036854775807", "999999999999999999",
                        "a:", "k:", "w:", "c:", "q:", "b:", "wq:", "wc:", "in:", "PT", "P", "H", "S", "e", "x",
                        "consent", "consent:close", "BEGIN", "yes", "no"),
                Arbitraries.of(TRICKY),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().all().ofLength(1));
        return token.list().ofMaxSize(40).map(parts -> String.join("", parts))
                .filter(s -> s.length() <= 200);
    }

    /** A real encoding with one character inserted, replaced or dropped, or with something around it. */
    private static Arbitrary<String> mutatedEncodings() {
        var insert = Arbitraries.oneOf(Arbitraries.of(TRICKY), Arbitraries.strings().all().ofLength(1),
                Arbitraries.strings().numeric().ofLength(1), Arbitraries.of("0", ":", "00"));
        return Combinators.combine(InputSequences.buttonActions().map(CallbackData::encode), insert,
                        Arbitraries.integers().between(0, 100), Arbitraries.of(0, 1, 2, 3))
                .as((data, piece, at, how) -> {
                    int i = at % (data.length() + 1);
                    return switch (how) {
                        case 0 -> data.substring(0, i) + piece + data.substring(i);
                        case 1 -> i < data.length() ? data.substring(0, i) + piece + data.substring(i + 1) : data + piece;
                        case 2 -> i < data.length() ? data.substring(0, i) + data.substring(i + 1) : data;
                        default -> piece + data + piece;
                    };
                });
    }

    /** Release 1's "why" and delay buttons, read forward to today's actions (see CallbackDataTest). */
    private static final java.util.regex.Pattern VERSION_1 = java.util.regex.Pattern.compile("[wc]:\\d|remind:\\d");

    @Provide
    Arbitrary<Action> buttonActions() {
        return InputSequences.buttonActions();
    }

    @Provide
    Arbitrary<Action> anyAction() {
        return InputSequences.actions();
    }

    @Property(tries = TRIES)
    void anyStringDecodesToNothingOrToAnActionThatEncodesBackToExactlyThatString(
            @ForAll("callbackData") String data) {
        Action action = CallbackData.decode(data);
        if (action != null && !VERSION_1.matcher(data).matches()) {
            assertThat(CallbackData.encode(action)).as("decoded %s", action).isEqualTo(data);
        }
    }

    @Property(tries = TRIES)
    void everyActionEncodesToAtMost64BytesOfUtf8(@ForAll("anyAction") Action action) {
        assertThat(CallbackData.encode(action).getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(CallbackData.MAX_BYTES);
    }

    @Property(tries = TRIES)
    void everyButtonsActionDecodesBackToItself(@ForAll("buttonActions") Action action) {
        assertThat(CallbackData.decode(CallbackData.encode(action))).isEqualTo(action);
    }
}
