package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spotcheck.config.SettingsException;

class MainTest {

    @Test
    void withoutATokenTheBotRefusesToStartAndSaysHowToGetOneOrTryTheConsole() {
        var e = catchThrowableOfType(SettingsException.class, () -> Main.run(List.of(), false, Map.of()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("TELEGRAM_BOT_TOKEN").contains("@BotFather").contains("--console");
    }

    @Test
    void anInvalidSettingStopsTheStartBeforeAnythingElse() {
        var e = catchThrowableOfType(SettingsException.class,
                () -> Main.run(List.of("--console"), true, Map.of("TELEGRAM_API_URL", "ftp://example.org")));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("TELEGRAM_API_URL");
    }
}
