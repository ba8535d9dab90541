package org.spotcheck.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spotcheck.check.ReminderKind;
import org.spotcheck.check.Reply;

/**
 * Arabic and Persian texts keep numbers, durations, names, links and Latin words in order in
 * Telegram's apps, checked on the texts as the bot renders them.
 *
 * <p>The rule (docs/content.md states it for translators): on any line that has right-to-left text
 * (a character of bidirectional class R or AL outside an isolate), every run that starts and ends with
 * a Latin letter or a digit and holds only those, spaces and ASCII punctuation must sit inside an
 * isolate (FSI, LRI or RLI … PDI) that opens and closes on that line, unless it is a plain number:
 * digits with at most single . , or : between them, which the bidirectional algorithm orders by itself.
 * A run like "HPV", "/start", "3 - 5" or "https://x.org" outside an isolate fails; so does an isolate
 * left open at the end of a line or a PDI without one, because an isolate never reaches past a line.
 */
class RightToLeftTest {

    private static final char LRI = '\u2066';
    private static final char RLI = '\u2067';
    private static final char OBJECT = '\uFFFC'; // an isolate, as the line around it sees it: one neutral character

    private static final Pattern RUN = Pattern.compile(
            "[\\p{IsLatin}\\p{Nd}](?:[\\p{IsLatin}\\p{Nd}\\p{Punct} ]*[\\p{IsLatin}\\p{Nd}])?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\p{Nd}+(?:[.,:]\\p{Nd}+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");

    /** What breaks the rule in a plain text; empty when it holds. */
    static List<String> problems(String text) {
        var problems = new ArrayList<String>();
        for (String line : text.split("\n", -1)) {
            var outside = new StringBuilder();
            int depth = 0;
            boolean rightToLeft = false;
            for (int i = 0; i < line.length(); ) {
                int c = line.codePointAt(i);
                i += Character.charCount(c);
                if (c == Messages.FSI || c == LRI || c == RLI) {
                    if (depth++ == 0) {
                        outside.append(OBJECT);
                    }
                } else if (c == Messages.PDI) {
                    if (depth-- == 0) {
                        problems.add("a PDI without an isolate: " + line);
                        depth = 0;
                    }
                } else if (depth == 0) {
                    outside.appendCodePoint(c);
                    byte direction = Character.getDirectionality(c);
                    rightToLeft |= direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                            || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
                }
            }
            if (depth != 0) {
                problems.add("an isolate not closed on its line: " + line);
            }
            if (rightToLeft) {
                Matcher run = RUN.matcher(outside);
                while (run.find()) {
                    if (!PLAIN_NUMBER.matcher(run.group()).matches()) {
                        problems.add("\"" + run.group() + "\" outside an isolate in: " + line);
                    }
                }
            }
        }
        return problems;
    }

    // ---------- the rule itself: it can fail ----------

    @Test
    void aLatinWordInAnArabicSentenceMustBeIsolated() {
        assertThat(problems("اطلبي اختبار HPV اليوم")).hasSize(1);
        assertThat(problems("اطلبي اختبار \u2068HPV\u2069 اليوم")).isEmpty();
    }

    @Test
    void aPlainNumberNeedsNoIsolateButARangeOrCommandDoes() {
        assertThat(problems("اتصلي بالرقم 112 الآن، خلال 1.5 ساعة")).isEmpty();
        assertThat(problems("خلال 3 - 5 أيام")).hasSize(1);
        assertThat(problems("أرسلي /start للبدء")).hasSize(1);
    }

    @Test
    void anIsolateMustCloseOnItsOwnLine() {
        assertThat(problems("اختبار \u2068HPV\nاليوم\u2069")).hasSize(2);
    }

    @Test
    void aLineWithoutRightToLeftTextIsLeftAlone() {
        assertThat(problems("• Pap test 3 - 5")).isEmpty();
    }

    // ---------- the renderer isolates every filled-in value ----------

    @Test
    void aRightToLeftLanguageIsolatesEveryFilledInValue() {
        var ar = new Messages("ar", Map.of("remind", "سأذكرك بعد {delay}."));

        assertThat(ar.format("remind", Map.of("delay", "7 days"))).isEqualTo("سأذكرك بعد \u20687 days\u2069.");
        assertThat(problems(ar.format("remind", Map.of("delay", "7 days")))).isEmpty();
    }

    @Test
    void aLeftToRightLanguageAddsNoIsolates() {
        var en = new Messages("en", Map.of("remind", "I will remind you in {delay}."));

        assertThat(en.format("remind", Map.of("delay", "7 days"))).isEqualTo("I will remind you in 7 days.");
    }

    @Test
    void aServiceTheDeploymentNamesIsIsolatedInARightToLeftLanguage() {
        var written = new Messages("fa", Map.of("now", "با {svc_emergency} تماس بگیرید.", "svc.emergency.generic", "اورژانس"));
        var services = new LocalServices(Map.of("fa", Map.of(LocalServices.Service.EMERGENCY, "115 (EMS)")), Map.of(), 25);

        assertThat(Messages.filled(written, services).get("now")).isEqualTo("با \u2068115 (EMS)\u2069 تماس بگیرید.");
    }

    // ---------- the languages ----------

    static List<String> rightToLeft() {
        return Texts.RIGHT_TO_LEFT.stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("rightToLeft")
    void everyTextAsWrittenKeepsLatinAndNumbersInIsolates(String language) {
        assumeTrue(Texts.LANGUAGES.contains(language), () -> "messages/" + language + ".properties is not in this branch yet");
        var m = Messages.asWritten(language);
        var problems = new ArrayList<String>();
        for (String key : m.keys()) {
            // A placeholder stands in as the bot fills it: inside an isolate.
            String filled = PLACEHOLDER.matcher(m.get(key)).replaceAll(Messages.FSI + "x" + Messages.PDI);
            problems(Html.toPlain(filled)).forEach(problem -> problems.add(key + ": " + problem));
        }
        assertThat(problems).as(language).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("rightToLeft")
    void theBackButtonPointsTowardsWhereARightToLeftLineStarts(String language) {
        assumeTrue(Texts.LANGUAGES.contains(language), () -> "messages/" + language + ".properties is not in this branch yet");
        // Arrows are not mirrored by the bidirectional algorithm: "→" written first shows at the right edge,
        // pointing right, the way back in a right-to-left layout, as "← Back" points left in English.
        assertThat(Messages.asWritten(language).get("button.back")).startsWith("→ ").doesNotContain("←");
    }

    @ParameterizedTest
    @MethodSource("rightToLeft")
    void everyRenderedScreenButtonAndPopUpKeepsLatinAndNumbersInIsolates(String language) {
        assumeTrue(Texts.LANGUAGES.contains(language), () -> "messages/" + language + ".properties is not in this branch yet");
        var m = Texts.load().in(language);
        var texts = new ArrayList<String>();
        var screens = new ArrayList<Screen>();
        for (Reply reply : ContentTest.everyReply()) {
            if (reply instanceof Reply.PopUp popUp) {
                texts.add(Renderer.popUp(popUp, m).text());
            } else {
                screens.addAll(ContentTest.screensOf(reply, m));
            }
        }
        for (var kind : ReminderKind.values()) {
            screens.add(Renderer.reminder(kind, m));
        }
        for (Screen screen : screens) {
            texts.add(Html.toPlain(screen.html()));
            screen.keyboard().forEach(row -> row.forEach(button -> texts.add(button.label())));
        }
        assertThat(texts).hasSizeGreaterThan(3_000);
        var problems = texts.stream().distinct().flatMap(text -> problems(text).stream()).distinct().toList();
        assertThat(problems).as(language).isEmpty();
    }
}
