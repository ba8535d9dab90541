package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.check.ReminderKind;

/** A sealed chat id opens only in the row it was sealed for (its table and chat key); older rows are bound at start. */
class SealedIdsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final long ALICE = 5_100_000_001L;
    private static final long MALLORY = 5_100_000_002L;

    @RegisterExtension
    final TempDatabase store = new TempDatabase("sealed-ids-test-secret-0123");

    @Test
    void aSealedIdCopiedIntoAnotherChatsReminderDoesNotOpenThere() {
        schedule(ALICE);
        schedule(MALLORY);
        // Someone with write access to the file copies Mallory's sealed id into Alice's reminder.
        store.database().inTransaction(c -> {
            try (var s = c.prepareStatement("UPDATE reminder SET chat_sealed = (SELECT chat_sealed FROM reminder"
                    + " WHERE chat_key = ?) WHERE chat_key = ?")) {
                s.setString(1, store.chatKeys().keyFor(MALLORY));
                s.setString(2, store.chatKeys().keyFor(ALICE));
                s.executeUpdate();
            }
            return null;
        });

        var due = store.database().inTransaction(c -> store.reminders().claimDue(c, NOW.plus(Duration.ofDays(3)), 9));

        assertThat(due).filteredOn(d -> d.chatKey().equals(store.chatKeys().keyFor(ALICE))).singleElement()
                .satisfies(d -> assertThat(d.chatId()).isEmpty());
        assertThat(due).filteredOn(d -> d.chatKey().equals(store.chatKeys().keyFor(MALLORY))).singleElement()
                .satisfies(d -> assertThat(d.chatId()).contains(MALLORY));
    }

    @Test
    void aReminderSealedBeforeIdsWereBoundStillOpensOnceTheSecretIsVerified() {
        insertUnboundReminder(ALICE, ALICE);
        store.database().inTransaction(c -> c.createStatement()
                .executeUpdate("UPDATE key_check SET ids_bound = 0")); // as migration 011 leaves a release 2 database

        KeyCheck.verify(store.database(), store.secret()); // the first start of this release

        var due = store.database().inTransaction(c -> store.reminders().claimDue(c, NOW, 9));
        assertThat(due).singleElement().satisfies(d -> assertThat(d.chatId()).contains(ALICE));
    }

    @Test
    void anUnboundIdPlantedAfterTheFirstStartIsNeverBoundSoItDoesNotOpen() {
        // Someone with write access plants Mallory's id, sealed the old way (e.g. from an old backup), as Alice's reminder.
        insertUnboundReminder(ALICE, MALLORY);

        KeyCheck.verify(store.database(), store.secret()); // a later start

        var due = store.database().inTransaction(c -> store.reminders().claimDue(c, NOW, 9));
        assertThat(due).singleElement().satisfies(d -> assertThat(d.chatId()).isEmpty());
    }

    /** A reminder row for {@code chat} whose sealed id ({@code sealedId}) is not bound to its row, as before release 3. */
    private void insertUnboundReminder(long chat, long sealedId) {
        store.database().inTransaction(c -> {
            try (var s = c.prepareStatement(
                    "INSERT INTO reminder (chat_key, chat_sealed, kind, language, due_at) VALUES (?, ?, 'DOCTOR', 'en', ?)")) {
                s.setString(1, store.chatKeys().keyFor(chat));
                s.setBytes(2, new Sealer(store.secret()).seal(ByteBuffer.allocate(Long.BYTES).putLong(sealedId).array(), null));
                s.setLong(3, NOW.getEpochSecond());
                s.executeUpdate();
            }
            return null;
        });
    }

    private void schedule(long chat) {
        store.database().inTransaction(c -> {
            store.reminders().schedule(c, store.chatKeys().keyFor(chat), chat, ReminderKind.DOCTOR, "en", NOW, Duration.ofDays(2));
            return null;
        });
    }
}
