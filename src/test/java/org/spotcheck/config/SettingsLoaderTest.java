package org.spotcheck.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    private static final String VALID_TOKEN = "1234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final String VALID_SECRET = "a-test-secret-of-enough-length";

    @TempDir
    Path dir;

    // ---------- defaults and layers ----------

    @Test
    void anEmptyEnvironmentGivesTheDefaults() {
        var settings = SettingsLoader.load(Map.of());

        assertThat(settings.apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(settings.database()).isEqualTo(Path.of("data/spotcheck.db"));
        assertThat(settings.token()).isEmpty();
        assertThat(settings.secret()).isEmpty();
    }

    @Test
    void theConfigFileWinsOverTheDefaults() throws IOException {
        Path db = dir.resolve("from-file.db");
        Path file = properties("TELEGRAM_API_URL=http://127.0.0.1:9000\nSPOTCHECK_DB=" + db + "\n");

        var settings = SettingsLoader.load(Map.of("SPOTCHECK_CONFIG", file.toString()));

        assertThat(settings.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(settings.database()).isEqualTo(db);
    }

    @Test
    void theEnvironmentWinsOverTheConfigFile() throws IOException {
        Path fileDb = dir.resolve("from-file.db");
        Path envDb = dir.resolve("from-env.db");
        Path file = properties("TELEGRAM_API_URL=http://127.0.0.1:9000\nSPOTCHECK_DB=" + fileDb + "\n");

        var settings = SettingsLoader.load(Map.of(
                "SPOTCHECK_CONFIG", file.toString(),
                "TELEGRAM_API_URL", "http://localhost:8081",
                "SPOTCHECK_DB", envDb.toString()));

        assertThat(settings.apiUrl()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(settings.database()).isEqualTo(envDb);
    }

    @Test
    void theEnvironmentOverridesOneSettingAndTheFileStillGivesTheOther() throws IOException {
        Path fileDb = dir.resolve("from-file.db");
        Path file = properties("TELEGRAM_API_URL=http://127.0.0.1:9000\nSPOTCHECK_DB=" + fileDb + "\n");

        var settings = SettingsLoader.load(Map.of(
                "SPOTCHECK_CONFIG", file.toString(),
                "TELEGRAM_API_URL", "http://localhost:8081"));

        assertThat(settings.apiUrl()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(settings.database()).isEqualTo(fileDb);
    }

    @Test
    void theTokenAndSecretCanComeFromTheConfigFile() throws IOException {
        Path file = properties("TELEGRAM_BOT_TOKEN=" + VALID_TOKEN + "\nSPOTCHECK_SECRET=" + VALID_SECRET + "\n");

        var settings = SettingsLoader.load(Map.of("SPOTCHECK_CONFIG", file.toString()));

        assertThat(settings.token()).contains(VALID_TOKEN);
        assertThat(settings.secret()).contains(VALID_SECRET);
    }

    @Test
    void aValidLookingTokenIsAccepted() {
        var settings = SettingsLoader.load(Map.of("TELEGRAM_BOT_TOKEN", VALID_TOKEN));

        assertThat(settings.token()).contains(VALID_TOKEN);
    }

    @Test
    void aLongEnoughSecretIsAccepted() {
        var settings = SettingsLoader.load(Map.of("SPOTCHECK_SECRET", VALID_SECRET));

        assertThat(settings.secret()).contains(VALID_SECRET);
    }

    @Test
    void aSecretIsTakenLiterallyEvenWhenItLooksLikeAVariable() {
        String secret = "pa${sys:user.home}ss-word-0123456789";

        var settings = SettingsLoader.load(Map.of("SPOTCHECK_SECRET", secret));

        assertThat(settings.secret()).contains(secret);
    }

    @Test
    void anApiUrlWithAPortIsAccepted() {
        var settings = SettingsLoader.load(Map.of("TELEGRAM_API_URL", "http://127.0.0.1:8081"));

        assertThat(settings.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    }

    @Test
    void plainHttpToThisMachineIsAccepted() {
        for (String url : new String[] {"http://localhost:8081", "http://[::1]:8081", "http://127.0.0.2:8081"}) {
            assertThat(SettingsLoader.load(Map.of("TELEGRAM_API_URL", url)).apiUrl()).isEqualTo(URI.create(url));
        }
    }

    @Test
    void theSecretFileIsWhereSpotcheckSecretFileSays() {
        var settings = SettingsLoader.load(Map.of("SPOTCHECK_SECRET_FILE", dir.resolve("s").toString()));

        assertThat(settings.secretFile()).isEqualTo(dir.resolve("s"));
    }

    @Test
    void theSystemdCredentialIsUsedWhenPresent() throws IOException {
        Files.writeString(dir.resolve("spotcheck-secret"), "00");

        var settings = SettingsLoader.load(Map.of("CREDENTIALS_DIRECTORY", dir.toString()));

        assertThat(settings.secretFile()).isEqualTo(dir.resolve("spotcheck-secret"));
    }

    @Test
    void byDefaultTheSecretFileIsOutsideTheDataFolder() {
        var settings = SettingsLoader.load(Map.of("SPOTCHECK_DB", dir.resolve("data/spotcheck.db").toString(),
                "HOME", dir.resolve("home").toString()));

        assertThat(settings.secretFile()).isEqualTo(dir.resolve("home/.config/spotcheck/secret"));
    }

    @Test
    void release1sSecretFileBesideTheDatabaseIsStillFound() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/spotcheck.db.secret"), "00");

        var settings = SettingsLoader.load(Map.of("SPOTCHECK_DB", dir.resolve("data/spotcheck.db").toString(),
                "HOME", dir.resolve("home").toString()));

        assertThat(settings.secretFile()).isEqualTo(dir.resolve("data/spotcheck.db.secret"));
    }

    // ---------- invalid values ----------

    @Test
    void plainHttpToAnotherHostIsRefusedBecauseTheTokenWouldCrossTheNetworkInClear() {
        var e = refused(Map.of("TELEGRAM_API_URL", "http://bot-api.example.org:8081"));

        assertThat(e.getMessage()).contains("TELEGRAM_API_URL").contains("https");
    }

    @Test
    void aMalformedTokenIsRefusedWithoutShowingIt() {
        String bad = "12345:not-a-real-token";

        var e = refused(Map.of("TELEGRAM_BOT_TOKEN", bad));

        assertThat(e.getMessage()).contains("TELEGRAM_BOT_TOKEN").doesNotContain(bad).doesNotContain("not-a-real-token");
    }

    @Test
    void aTokenWithoutColonIsRefusedWithoutShowingIt() {
        String bad = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";

        var e = refused(Map.of("TELEGRAM_BOT_TOKEN", bad));

        assertThat(e.getMessage()).contains("TELEGRAM_BOT_TOKEN").doesNotContain(bad);
    }

    @Test
    void anApiUrlWithAPathIsRefused() {
        var e = refused(Map.of("TELEGRAM_API_URL", "https://api.telegram.org/bot"));

        assertThat(e.getMessage()).contains("TELEGRAM_API_URL");
    }

    @Test
    void anFtpApiUrlIsRefused() {
        var e = refused(Map.of("TELEGRAM_API_URL", "ftp://api.telegram.org"));

        assertThat(e.getMessage()).contains("TELEGRAM_API_URL");
    }

    @Test
    void aGarbageApiUrlIsRefused() {
        for (String garbage : new String[] {"not a url", "api.telegram.org", "http://", "https://?x=1", "::::"}) {
            var e = refused(Map.of("TELEGRAM_API_URL", garbage));
            assertThat(e.getMessage()).as(garbage).contains("TELEGRAM_API_URL");
        }
    }

    @Test
    void anApiUrlWithAQueryIsRefused() {
        var e = refused(Map.of("TELEGRAM_API_URL", "https://api.telegram.org?x=1"));

        assertThat(e.getMessage()).contains("TELEGRAM_API_URL");
    }

    @Test
    void aDatabasePathThatIsAFolderIsRefused() {
        var e = refused(Map.of("SPOTCHECK_DB", dir.toString()));

        assertThat(e.getMessage()).contains("SPOTCHECK_DB");
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        String bad = "s3cr3t-x";

        var e = refused(Map.of("SPOTCHECK_SECRET", bad));

        assertThat(e.getMessage()).contains("SPOTCHECK_SECRET").doesNotContain(bad);
    }

    @Test
    void aConfigFileThatDoesNotExistIsRefused() {
        Path missing = dir.resolve("missing.properties");

        var e = refused(Map.of("SPOTCHECK_CONFIG", missing.toString()));

        assertThat(e.getMessage()).contains("SPOTCHECK_CONFIG");
    }

    @Test
    void aBadTokenInTheConfigFileIsRefusedWithoutShowingIt() throws IOException {
        String bad = "99:short-token-value";
        Path file = properties("TELEGRAM_BOT_TOKEN=" + bad + "\n");

        var e = refused(Map.of("SPOTCHECK_CONFIG", file.toString()));

        assertThat(e.getMessage()).contains("TELEGRAM_BOT_TOKEN").doesNotContain(bad);
    }

    // ---------- printing ----------

    @Test
    void settingsNeverPrintTheTokenOrTheSecret() {
        var settings = SettingsLoader.load(Map.of("TELEGRAM_BOT_TOKEN", VALID_TOKEN, "SPOTCHECK_SECRET", VALID_SECRET));

        assertThat(settings.toString())
                .doesNotContain(VALID_TOKEN)
                .doesNotContain(VALID_TOKEN.substring(VALID_TOKEN.indexOf(':') + 1))
                .doesNotContain(VALID_SECRET);
    }

    @Test
    void theLogSettingsCanComeFromTheConfigFileAndDefaultToTextAndInfo() throws IOException {
        Path file = properties("SPOTCHECK_LOG_FORMAT=json\nSPOTCHECK_LOG_LEVEL=debug\n");

        var fromFile = SettingsLoader.load(Map.of("SPOTCHECK_CONFIG", file.toString()));
        var defaults = SettingsLoader.load(Map.of());

        assertThat(fromFile.logFormat()).isEqualTo("json");
        assertThat(fromFile.logLevel()).isEqualTo("debug");
        assertThat(defaults.logFormat()).isEqualTo("text");
        assertThat(defaults.logLevel()).isEqualTo("info");
    }

    @Test
    void anUnknownLogFormatOrLevelIsABadSettingNamedByItsName() throws IOException {
        Path file = properties("SPOTCHECK_LOG_LEVEL=verbose\n");

        assertThat(refused(Map.of("SPOTCHECK_LOG_FORMAT", "xml"))).hasMessage("SPOTCHECK_LOG_FORMAT must be one of json, text");
        assertThat(refused(Map.of("SPOTCHECK_CONFIG", file.toString())))
                .hasMessage("SPOTCHECK_LOG_LEVEL must be one of debug, error, info, warn");
    }

    @Test
    void aConfigFileThatIsNotUtf8IsRefusedNamingTheFileAndTheSetting() throws IOException {
        Path file = dir.resolve("latin1.properties");
        Files.write(file, "SPOTCHECK_DB=donn\u00e9es.db\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(refused(Map.of("SPOTCHECK_CONFIG", file.toString()))).hasMessageStartingWith("SPOTCHECK_CONFIG: ")
                .hasMessageContaining(file.toString()).hasMessageContaining("not UTF-8");
    }

    // ---------- helpers ----------

    private Path properties(String content) throws IOException {
        Path file = dir.resolve("spotcheck.properties");
        Files.writeString(file, content);
        return file;
    }

    private static SettingsException refused(Map<String, String> environment) {
        var e = catchThrowableOfType(SettingsException.class, () -> SettingsLoader.load(environment));
        assertThat(e).as("SettingsException for " + environment.keySet()).isNotNull();
        return e;
    }
}
