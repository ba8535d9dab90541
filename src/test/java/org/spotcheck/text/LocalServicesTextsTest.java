package org.spotcheck.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.text.LocalServices.Service;

/**
 * A text that names a place to go ({svc_NAME}) says what the deployment set for its language,
 * escaped, or else that language's general words. The real texts that use the places arrive with
 * the version 2 wording, so these tests add a text of their own to the real files' texts.
 */
class LocalServicesTextsTest {

    @TempDir
    Path dir;

    private static final String TEST_KEY = "test.every_service";
    private static final String EVERY_SERVICE = "Emergency: {svc_emergency}. Urgent: {svc_urgent}. Clinic: {svc_clinic}."
            + " Assault: {svc_assault}. Young: {svc_young}. Abuse: {svc_abuse}.";

    @Test
    void withoutAFileEveryPlaceIsNamedInTheLanguagesGeneralWords() {
        for (String language : Texts.LANGUAGES) {
            var m = withTestText(language, EVERY_SERVICE, LocalServices.NONE);
            var general = Messages.asWritten(language);

            String expected = EVERY_SERVICE;
            for (Service service : Service.values()) {
                if (service != Service.TESTKIT) {
                    expected = expected.replace(service.placeholder(), general.get(service.genericKey()));
                }
            }
            assertThat(m.get(TEST_KEY)).as(language).isEqualTo(expected).doesNotContain("{svc_");
        }
    }

    @Test
    void theEnglishGeneralWordsNameNoNumberAndNoCountry() {
        var m = withTestText("en", "Call {svc_emergency}.", LocalServices.NONE);

        assertThat(m.get(TEST_KEY)).isEqualTo("Call your local emergency number.");
    }

    @Test
    void aTextNamingTheTestKitIsLeftOutUnlessTheDeploymentNamesOne() {
        assertThat(withTestText("en", "Order one: {svc_testkit}", LocalServices.NONE).has(TEST_KEY)).isFalse();

        var named = withTestText("en", "Order one: {svc_testkit}", named("en", Map.of(Service.TESTKIT, "https://kits.example.org/?a=1&b=2")));

        assertThat(named.get(TEST_KEY)).isEqualTo("Order one: https://kits.example.org/?a=1&amp;b=2");
    }

    @Test
    void aResultThatAdvisesAChlamydiaTestOffersTheNamedTestKitFrom16() {
        var services = named("en", Map.of(Service.TESTKIT, "https://kits.example.org/order"));
        var m = Messages.load("en", services);
        for (var age : java.util.List.of(org.spotcheck.check.Answer.AGE_16_24, org.spotcheck.check.Answer.AGE_13_15)) {
            var check = org.spotcheck.check.Check.begin(1);
            for (var answer : java.util.List.of(org.spotcheck.check.Answer.EMERGENCY_NONE, age,
                    org.spotcheck.check.Answer.PREGNANT, org.spotcheck.check.Answer.ONCE, org.spotcheck.check.Answer.BIRTH_CONTROL_NO,
                    org.spotcheck.check.Answer.PAIN_NO, org.spotcheck.check.Answer.DISCHARGE_NO, org.spotcheck.check.Answer.STI_RISK_YES,
                    org.spotcheck.check.Answer.SCREENING_NORMAL)) {
                check = check.answer(answer);
            }
            String text = Renderer.render(new org.spotcheck.check.Reply.ShowResult(check, check.result()), m).stream()
                    .map(Screen::html).reduce("", String::concat);
            assertThat(text.contains("https://kits.example.org/order")).as(age.name()).isEqualTo(age == org.spotcheck.check.Answer.AGE_16_24);
            assertThat(Renderer.render(new org.spotcheck.check.Reply.ShowResult(check, check.result()), Messages.load("en")).stream()
                    .map(Screen::html).reduce("", String::concat)).doesNotContain(Html.toPlain(m.get("result.testkit")).split(":")[0]);
        }
    }

    @Test
    void aNamedServiceFillsTheTextOfItsLanguage() {
        var services = named("de", Map.of(Service.EMERGENCY, "112", Service.CLINIC, "https://clinics.example.org/find"));

        var m = withTestText("de", EVERY_SERVICE, services);

        assertThat(m.get(TEST_KEY)).contains("Emergency: 112.", "Clinic: https://clinics.example.org/find.")
                .contains("Urgent: " + Messages.asWritten("de").get("svc.urgent.generic") + ".");
    }

    @Test
    void aServicesFileFillsTheTextsOfItsLanguagesEscaped() throws IOException {
        Path file = dir.resolve("services.properties");
        Files.writeString(file, "emergency=999\nen.young=<b>Teen</b> line\n", StandardCharsets.UTF_8);
        var services = SettingsLoader.load(Map.of("SPOTCHECK_SERVICES", file.toString())).services();

        var en = withTestText("en", "Call {svc_emergency} or {svc_young}.", services);
        var ru = withTestText("ru", "Call {svc_emergency} or {svc_young}.", services);

        assertThat(en.get(TEST_KEY)).isEqualTo("Call 999 or &lt;b&gt;Teen&lt;/b&gt; line.");
        assertThat(ru.get(TEST_KEY)).isEqualTo("Call 999 or " + Messages.asWritten("ru").get("svc.young.generic") + ".");
    }

    @Test
    void aServiceNamedForOneLanguageLeavesTheOthersInGeneralWords() {
        var services = named("de", Map.of(Service.EMERGENCY, "112"));

        var m = withTestText("en", "Call {svc_emergency}.", services);

        assertThat(m.get(TEST_KEY)).isEqualTo("Call your local emergency number.");
    }

    @Test
    void aNamedServiceIsEscapedSoItCanNeverBecomeMarkup() {
        var services = named("en", Map.of(Service.YOUNG, "<b>Teen</b> & \"Youth\" line"));

        var m = withTestText("en", "Talk to {svc_young}.", services);

        assertThat(m.get(TEST_KEY)).isEqualTo("Talk to &lt;b&gt;Teen&lt;/b&gt; &amp; &quot;Youth&quot; line.");
    }

    @Test
    void aTextNamingAPlaceCanStillBeFormattedWithItsOtherPlaceholders() {
        var services = named("en", Map.of(Service.URGENT, "NHS 111"));

        var m = withTestText("en", "On {date}, call {svc_urgent}.", services);

        assertThat(m.format(TEST_KEY, Map.of("date", "3 May"))).isEqualTo("On 3 May, call NHS 111.");
        assertThat(m.compose(TEST_KEY, Map.of("date", "<b>3 May</b>"))).isEqualTo("On <b>3 May</b>, call NHS 111.");
    }

    @Test
    void aTextNamingAPlaceThatDoesNotExistStopsTheLoading() {
        assertThatThrownBy(() -> withTestText("en", "Call {svc_ambulance}.", LocalServices.NONE))
                .hasMessageContaining("{svc_ambulance}").hasMessageContaining(TEST_KEY);
    }

    @Test
    void everyLanguageHasGeneralWordsForEveryPlaceButTheTestKit() {
        for (String language : Texts.LANGUAGES) {
            var written = Messages.asWritten(language);
            assertThat(written.has(Service.TESTKIT.genericKey())).as("%s test kit", language).isFalse();
            for (Service service : Service.values()) {
                if (service == Service.TESTKIT) {
                    continue; // without one named, its text is left out rather than said in general words
                }
                assertThat(written.get(service.genericKey())).as("%s %s", language, service).isNotBlank()
                        .doesNotContain("{");
            }
        }
    }

    @Test
    void theScreeningStartAgeIsTheLanguagesOwnThenTheDeploymentsThen25() {
        var services = new LocalServices(Map.of(), Map.of("es", 21), 30);

        assertThat(Texts.load(services).screeningStartAge("es")).isEqualTo(21);
        assertThat(Texts.load(services).screeningStartAge("en")).isEqualTo(30);
        assertThat(Texts.load().screeningStartAge("ru")).isEqualTo(25);
    }

    @Test
    void theAgeSentenceSaysTheDeploymentsScreeningStartAgeInEveryLanguage() {
        var texts = Texts.load(new LocalServices(Map.of(), Map.of(), 21));

        for (String language : Texts.LANGUAGES) {
            assertThat(texts.in(language).get("question.age.why")).as(language)
                    .contains("21").doesNotContain("25").doesNotContain("{");
        }
    }

    @Test
    void theAgeSentenceSays25WithoutAServicesFile() {
        for (String language : Texts.LANGUAGES) {
            assertThat(Texts.load().in(language).get("question.age.why")).as(language).contains("25").doesNotContain("{");
        }
    }

    @Test
    void theAgeSentenceSaysALanguagesOwnScreeningStartAge() {
        var texts = Texts.load(new LocalServices(Map.of(), Map.of("de", 20), 25));

        assertThat(texts.in("de").get("question.age.why")).contains("20").doesNotContain("25");
        assertThat(texts.in("en").get("question.age.why")).contains("25");
    }

    // ---------- helpers ----------

    /** The real texts of the language as written, plus one test text, filled as loading fills them. */
    private static Messages withTestText(String language, String text, LocalServices services) {
        var written = Messages.asWritten(language);
        var texts = new TreeMap<String, String>();
        written.keys().forEach(key -> texts.put(key, written.get(key)));
        texts.put(TEST_KEY, text);
        return Messages.filled(new Messages(language, texts), services);
    }

    private static LocalServices named(String language, Map<Service, String> services) {
        return new LocalServices(Map.of(language, new EnumMap<>(services)), Map.of(), LocalServices.DEFAULT_SCREENING_START_AGE);
    }
}
