package org.spotcheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spotcheck.text.LocalServices;
import org.spotcheck.text.LocalServices.Service;
import org.spotcheck.text.Texts;

/** SPOTCHECK_SERVICES: the deployment's places to go, per language, and its screening start age. */
class LocalServicesFileTest {

    @TempDir
    Path dir;

    // ---------- what a file sets ----------

    @Test
    void withoutTheSettingNoServiceIsNamedAndScreeningStartsAt25() {
        var services = SettingsLoader.load(Map.of()).services();

        for (String language : Texts.LANGUAGES) {
            assertThat(services.named(language)).as(language).isEmpty();
            assertThat(services.screeningStartAge(language)).as(language).isEqualTo(25);
        }
    }

    @Test
    void aLanguagesOwnLineNamesTheServiceForThatLanguageOnly() throws IOException {
        var services = load("en.emergency=999\nen.clinic=https://clinics.example.org/find\n");

        assertThat(services.named("en")).containsOnly(
                Map.entry(Service.EMERGENCY, "999"), Map.entry(Service.CLINIC, "https://clinics.example.org/find"));
        assertThat(services.named("es")).isEmpty();
    }

    @Test
    void aServiceWithoutALanguageIsNamedForEveryLanguageAndALanguagesOwnLineWins() throws IOException {
        var services = load("abuse=Helpline, 0800 000 000\nde.abuse=Hilfetelefon, 0800 111 111\n");

        assertThat(services.named("de")).containsEntry(Service.ABUSE, "Hilfetelefon, 0800 111 111");
        for (String language : new String[] {"en", "es", "pt-BR", "ru"}) {
            assertThat(services.named(language)).as(language).containsEntry(Service.ABUSE, "Helpline, 0800 000 000");
        }
    }

    @Test
    void everyServiceCanBeNamed() throws IOException {
        var text = new StringBuilder();
        for (Service service : Service.values()) {
            text.append("ru.").append(service.key()).append('=')
                    .append(service == Service.CLINIC || service == Service.TESTKIT ? "https://example.org/" + service.key() : "line " + service.key())
                    .append('\n');
        }

        var services = load(text.toString());

        assertThat(services.named("ru")).hasSize(Service.values().length);
    }

    @Test
    void valuesAreKeptAsWrittenOnlyTrimmed() throws IOException {
        var services = load("en.young=  <b>Young</b> & \"friends\" line  \n");

        assertThat(services.named("en")).containsEntry(Service.YOUNG, "<b>Young</b> & \"friends\" line");
    }

    @Test
    void theScreeningStartAgeAppliesToEveryLanguageUnlessALanguageSetsItsOwn() throws IOException {
        var services = load("screening_start_age=21\nes.screening_start_age=30\n");

        assertThat(services.screeningStartAge("es")).isEqualTo(30);
        assertThat(services.screeningStartAge("en")).isEqualTo(21);
        assertThat(services.screeningStartAge("de")).isEqualTo(21);
    }

    @Test
    void aLanguageCanSetItsOwnScreeningStartAgeAndTheOthersKeep25() throws IOException {
        var services = load("pt-BR.screening_start_age=16\n");

        assertThat(services.screeningStartAge("pt-BR")).isEqualTo(16);
        assertThat(services.screeningStartAge("en")).isEqualTo(LocalServices.DEFAULT_SCREENING_START_AGE);
    }

    @Test
    void anEmptyFileNamesNothing() throws IOException {
        var services = load("# nothing yet\n");

        assertThat(services.named("en")).isEmpty();
        assertThat(services.screeningStartAge("en")).isEqualTo(25);
    }

    @Test
    void theSettingCanComeFromTheSettingsFile() throws IOException {
        Path services = write("services.properties", "emergency=112\n");
        Path config = write("spotcheck.properties", "SPOTCHECK_SERVICES=" + services + "\n");

        var settings = SettingsLoader.load(Map.of("SPOTCHECK_CONFIG", config.toString()));

        assertThat(settings.services().named("de")).containsEntry(Service.EMERGENCY, "112");
    }

    @Test
    void theExampleFileShippedWithTheProjectIsValid() {
        Path example = Path.of(System.getProperty("basedir", ".")).resolve("deploy/services.example.properties");

        var services = SettingsLoader.load(Map.of("SPOTCHECK_SERVICES", example.toString())).services();

        assertThat(services.named("en")).containsEntry(Service.EMERGENCY, "999").containsKey(Service.CLINIC);
        assertThat(services.screeningStartAge("en")).isEqualTo(25);
    }

    // ---------- a bad file stops the start, naming the file and the key ----------

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("unknown key", "en.hotline=0800 000 000\n", "en.hotline"),
                Arguments.of("unknown key without a language", "emergency_number=999\n", "emergency_number"),
                Arguments.of("includes are not followed", "include=other.properties\n", "include"),
                Arguments.of("unknown language", "xx.emergency=112\n", "xx.emergency"),
                Arguments.of("language spelt in another case", "pt-br.emergency=190\n", "pt-br.emergency"),
                Arguments.of("empty value", "en.urgent=\n", "en.urgent"),
                Arguments.of("blank value", "young=   \n", "young"),
                Arguments.of("key given twice", "emergency=999\nemergency=112\n", "emergency"),
                Arguments.of("age is not a number", "screening_start_age=twenty-five\n", "screening_start_age"),
                Arguments.of("age too young", "screening_start_age=15\n", "screening_start_age"),
                Arguments.of("age too old", "es.screening_start_age=31\n", "es.screening_start_age"),
                Arguments.of("age with a fraction", "screening_start_age=21.5\n", "screening_start_age"),
                Arguments.of("clinic over http", "en.clinic=http://clinics.example.org\n", "en.clinic"),
                Arguments.of("clinic not a link", "clinic=ask your doctor\n", "clinic"),
                Arguments.of("clinic link without a host", "clinic=https:///find\n", "clinic"),
                Arguments.of("test kit over http", "testkit=http://kits.example.org\n", "testkit"),
                Arguments.of("test kit not a link", "en.testkit=order one from your clinic\n", "en.testkit"),
                Arguments.of("test kit as two links", "testkit=https://a.example.org https://b.example.org\n", "testkit"),
                Arguments.of("another service with an http link", "assault=Centre, http://centre.example.org\n", "assault"),
                Arguments.of("a value on two lines", "abuse=Line one\\nLine two\n", "abuse"),
                Arguments.of("a value with braces", "en.emergency={svc_emergency}\n", "en.emergency"),
                Arguments.of("a value too long", "en.young=" + "x".repeat(201) + "\n", "en.young"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithOneLineNamingTheSettingTheFileAndTheKey(String what, String content, String key)
            throws IOException {
        Path file = write("services.properties", content);

        var e = refused(file);

        assertThat(e.getMessage()).contains("SPOTCHECK_SERVICES", file.toString(), " " + key + " ").doesNotContain("\n");
    }

    @Test
    void aRefusalDoesNotRepeatTheValue() throws IOException {
        Path file = write("services.properties", "en.clinic=http://secret-clinic.example.org\n");

        var e = refused(file);

        assertThat(e.getMessage()).doesNotContain("secret-clinic");
    }

    @Test
    void aFileThatDoesNotExistIsRefusedNamingIt() {
        Path missing = dir.resolve("missing.properties");

        var e = refused(missing);

        assertThat(e.getMessage()).contains("SPOTCHECK_SERVICES", missing.toString()).doesNotContain("\n");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithOneLineNamingTheSettingAndTheFile() throws IOException {
        Path file = dir.resolve("latin1.properties");
        Files.write(file, "es.abuse=la L\u00ednea Nacional, 1-800-799-7233\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        var e = refused(file);

        assertThat(e.getMessage()).isEqualTo("SPOTCHECK_SERVICES: the local services file " + file
                + " is not UTF-8 text; save it as UTF-8");
    }

    @Test
    void aFolderIsRefusedNamingIt() {
        var e = refused(dir);

        assertThat(e.getMessage()).contains("SPOTCHECK_SERVICES", dir.toString());
    }

    // ---------- helpers ----------

    private LocalServices load(String content) throws IOException {
        Path file = write("services.properties", content);
        return SettingsLoader.load(Map.of("SPOTCHECK_SERVICES", file.toString())).services();
    }

    private static SettingsException refused(Path file) {
        var e = catchThrowableOfType(SettingsException.class,
                () -> SettingsLoader.load(Map.of("SPOTCHECK_SERVICES", file.toString())));
        assertThat(e).as("a SettingsException").isNotNull();
        return e;
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
