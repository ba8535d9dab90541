package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.config.SettingsException;

class MainTest {

    @Test
    void withoutATokenTheBotRefusesToStartAndSaysHowToGetOneOrTryTheConsole() {
        var e = catchThrowableOfType(SettingsException.class, () -> Main.run(List.of(), false, Map.of()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("TELEGRAM_BOT_TOKEN").contains("@BotFather").contains("--console");
    }

    @Test
    void aBadLocalServicesFileStopsTheStartBeforeAnythingElse(@TempDir Path dir) throws IOException {
        Path services = Files.writeString(dir.resolve("services.properties"), "en.clinic=http://clinic.example.org\n");
        Path database = dir.resolve("spotcheck.db");

        var e = catchThrowableOfType(SettingsException.class, () -> Main.run(List.of("--console"), true,
                Map.of("SPOTCHECK_SERVICES", services.toString(), "SPOTCHECK_DB", database.toString())));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("SPOTCHECK_SERVICES", services.toString(), "en.clinic");
        assertThat(database).doesNotExist();
    }

    @Test
    void aBadLocalServicesFileExitsWithStatus2AndOneLineNamingTheFileAndTheKey(@TempDir Path dir) throws Exception {
        Path services = Files.writeString(dir.resolve("services.properties"), "emergency=999\nxx.emergency=112\n");
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--console")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(false);
        process.environment().put("SPOTCHECK_SERVICES", services.toString());
        process.environment().put("SPOTCHECK_DB", dir.resolve("spotcheck.db").toString());
        process.environment().remove("SPOTCHECK_CONFIG");
        var started = process.start();

        assertThat(started.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        String errors = new String(started.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(started.exitValue()).as(errors).isEqualTo(2);
        assertThat(errors.lines().toList()).hasSize(1).first().asString()
                .startsWith("spotcheck: SPOTCHECK_SERVICES").contains(services.toString(), "xx.emergency");
    }

    @Test
    void anInvalidSettingStopsTheStartBeforeAnythingElse() {
        var e = catchThrowableOfType(SettingsException.class,
                () -> Main.run(List.of("--console"), true, Map.of("TELEGRAM_API_URL", "ftp://example.org")));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("TELEGRAM_API_URL");
    }
}
