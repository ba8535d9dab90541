package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.Application;
import org.spotcheck.store.Counters;
import org.spotcheck.store.Usage;
import org.spotcheck.store.Database;
import org.spotcheck.telegram.FakeBotApi;

/**
 * Telegram sends an update again when it never got the confirmation; the figures count what
 * happened, so a check whose every update arrives twice is still one check started and finished.
 */
class UsageCountedOnceTest {

    private static final String TOKEN = "7303344:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final long PERSON = 5_550_888_001L;

    @TempDir
    Path dir;

    private FakeBotApi telegram;
    private Application app;

    @AfterEach
    void stop() {
        InProcessBot.stop(app, telegram);
    }

    @Test
    void aCheckWhoseUpdatesAreAllDeliveredAgainAfterARestartIsCountedOnce() throws Exception {
        telegram = FakeBotApi.start(TOKEN);
        var settings = InProcessBot.settings(telegram, TOKEN, dir.resolve("spotcheck.db"));
        app = InProcessBot.started(settings);
        var person = new TelegramPerson(telegram, PERSON);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        while (person.result().isEmpty()) {
            person.answers(1);
        }
        app.close();

        int again = telegram.redeliverAll();
        int welcomes = person.welcomes().size();
        app = InProcessBot.started(settings);
        person.types("/start"); // queued after the redelivered ones, in the same chat: answered after them
        person.waitFor(() -> person.welcomes().size() > welcomes, "the welcome after the redelivered updates");
        app.close();

        assertThat(again).as("updates delivered a second time").isGreaterThan(9);
        assertThat(person.welcomes()).as("welcomes: the redelivered /start was not answered again").hasSize(welcomes + 1);
        app = null;

        try (var database = Database.open(settings.database())) {
            var counted = database.inTransaction(new Counters()::all);
            assertThat(counted).filteredOn(w -> w.usage().event() == Usage.Event.CHECK_STARTED)
                    .extracting(Counters.Week::count).containsExactly(1L);
            assertThat(counted).filteredOn(w -> w.usage().event() == Usage.Event.CHECK_FINISHED)
                    .extracting(Counters.Week::count).containsExactly(1L);
        }
    }
}
