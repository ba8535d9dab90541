package org.spotcheck.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.store.Counters;
import org.spotcheck.store.Usage;
import org.spotcheck.store.Database;

/**
 * Telegram sends an update again when it never got the confirmation; the figures count what
 * happened, so a check whose every update arrives twice is still one check started and finished.
 */
class UsageCountedOnceTest {

    private static final String TOKEN = "7303344:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1";
    private static final long PERSON = 5_550_888_001L;

    @RegisterExtension
    final BotAgainstStandIn bot = new BotAgainstStandIn(TOKEN);

    @Test
    void aCheckWhoseUpdatesAreAllDeliveredAgainAfterARestartIsCountedOnce() throws Exception {
        var person = new TelegramPerson(bot.telegram(), PERSON);
        person.types("/start");
        person.waitFor(() -> person.lastText().contains("Welcome to SpotCheck"), "the welcome");
        person.taps("begin");
        person.waitFor(() -> person.currentQuestionNumber() == 1, "question 1");
        while (person.result().isEmpty()) {
            person.answers(1);
        }
        bot.stop();

        int again = bot.telegram().redeliverAll();
        int welcomes = person.welcomes().size();
        bot.start();
        person.types("/start"); // queued after the redelivered ones, in the same chat: answered after them
        person.waitFor(() -> person.welcomes().size() > welcomes, "the welcome after the redelivered updates");
        bot.stop();

        assertThat(again).as("updates delivered a second time").isGreaterThan(9);
        assertThat(person.welcomes()).as("welcomes: the redelivered /start was not answered again").hasSize(welcomes + 1);

        try (var database = Database.open(bot.database())) {
            var counted = database.inTransaction(new Counters()::all);
            assertThat(counted).filteredOn(w -> w.usage().event() == Usage.Event.CHECK_STARTED)
                    .extracting(Counters.Week::count).containsExactly(1L);
            assertThat(counted).filteredOn(w -> w.usage().event() == Usage.Event.CHECK_FINISHED)
                    .extracting(Counters.Week::count).containsExactly(1L);
        }
    }
}
