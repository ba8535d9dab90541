package org.spotcheck.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.spotcheck.check.Input;
import org.spotcheck.check.InputSequences;

/**
 * A private chat's update is kept in the inbox as {@link Incoming#event()} and read back with
 * {@link Incoming#fromEvent} after a restart; it must come back as the same update.
 *
 * Inputs are those {@link UpdateReader} makes: a tap carries what {@link CallbackData#decode}
 * gives (a button's action, or null), and a "blocked" update is never also a tap or command.
 */
class IncomingPropertiesTest {

    private static final int TRIES = 10_000;

    @Provide
    Arbitrary<Incoming> privateUpdates() {
        Arbitrary<Input> input = Arbitraries.oneOf(
                Arbitraries.of(Input.Command.class).map(Input.Typed::new),
                Arbitraries.just(new Input.Other()),
                Arbitraries.just(new Input.Tap(null)),
                InputSequences.buttonActions().map(Input.Tap::new),
                Arbitraries.strings().all().ofMaxLength(80).map(data -> new Input.Tap(CallbackData.decode(data))));
        var callbackId = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric().withChars("_-")
                        .ofMinLength(0).ofMaxLength(66),
                Arbitraries.strings().withChars("|0123456789abc\u200F\uD83D\uDE00").ofMaxLength(10),
                Arbitraries.of("4242", "", "|", "a|b", "-", "_"))
                .optional(0.8);
        var message = Arbitraries.integers().optional(0.7);
        var language = Arbitraries.oneOf(
                Arbitraries.of("en", "de", "pt-br", "zh-hans", "EN-us", "fil", "es-419", "x-klingon"),
                Arbitraries.of("", " ", "e", "en-", "-en", "en|de", "|", "en_US", "english", "en-abcdefghi",
                        "\u0627\u0644", "en\u200F", "\uD83D\uDE00", "en\n", "en-us|x"),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().alpha().withChars("-|0123").ofMaxLength(12))
                .injectNull(0.1);
        var blocked = Arbitraries.of(false, false, false, true);
        // UpdateReader makes "blocked" updates only out of my_chat_member, which carry no input.
        return Combinators.combine(Arbitraries.integers(), Arbitraries.longs(), input, callbackId, message, language,
                        blocked)
                .as((updateId, chatId, what, callback, tapped, languageCode, isBlocked) -> new Incoming(
                        updateId, chatId, true, isBlocked ? new Input.Other() : what, callback, tapped,
                        languageCode, isBlocked));
    }

    @Property(tries = TRIES)
    void aPrivateUpdateComesBackFromTheInboxAsTheSameUpdate(@ForAll("privateUpdates") Incoming in) {
        String event = in.event();

        var back = Incoming.fromEvent(in.updateId(), in.chatId(), in.callbackId(), event);

        assertThat(back).as("event %s", event).isEqualTo(in);
    }

    @Property(tries = TRIES)
    void theInboxEventNeverCarriesTheCallbackId(@ForAll("privateUpdates") Incoming in) {
        assertThat(in.event().split("\\|", -1)[2]).isEmpty();
    }

    @Property(tries = TRIES)
    void theInboxEventHasExactlyFiveFieldsWhateverTheUpdateCarried(@ForAll("privateUpdates") Incoming in) {
        assertThat(in.event().split("\\|", -1)).hasSize(5);
    }
}
