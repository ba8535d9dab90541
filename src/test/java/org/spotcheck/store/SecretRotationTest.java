package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Check;
import org.spotcheck.check.ReminderKind;

/** Rotating the secret: chats whose id is sealed move to the new secret, the rest is erased, the old one is refused. */
class SecretRotationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final long WITH_REMINDER = 5_123_456_789L;
    private static final long CHECK_ONLY = 5_987_654_321L;

    @RegisterExtension
    final TempDatabase store = new TempDatabase("the-old-secret-that-may-have-leaked");

    private Database database;
    private Secret old;
    private Secret next;

    @BeforeEach
    void aDatabaseUnderTheOldSecret() {
        database = store.database();
        old = store.secret();
        var keys = store.chatKeys();
        var chats = new ChatStore();
        database.inTransaction(c -> {
            var finished = new ChatState(Optional.of(Check.begin(1).answer(Answer.EMERGENCY_YES)), "en", Optional.empty());
            chats.save(c, keys.keyFor(WITH_REMINDER), finished, NOW);
            chats.save(c, keys.keyFor(CHECK_ONLY), finished, NOW);
            store.reminders().schedule(c, keys.keyFor(WITH_REMINDER), WITH_REMINDER,
                    ReminderKind.DOCTOR, "en", NOW, Duration.ofDays(2));
            return null;
        });
        next = Secret.of(Optional.empty(), store.dir().resolve("new-secret"));
    }

    @Test
    void aChatWithAReminderMovesToTheNewSecretAndOthersAreErased() {
        var outcome = SecretRotation.rotate(database, old, next, NOW);

        var newKeys = new ChatKeys(next);
        var due = database.inTransaction(c -> new ReminderStore(new Sealer(next)).claimDue(c, NOW.plus(Duration.ofDays(3)), 9));
        Optional<ChatState> moved = database.inTransaction(c -> new ChatStore().load(c, newKeys.keyFor(WITH_REMINDER)));
        Optional<ChatState> erased = database.inTransaction(c -> new ChatStore().load(c, new ChatKeys(old).keyFor(CHECK_ONLY)));
        assertThat(outcome).isEqualTo(new SecretRotation.Outcome(1, 1));
        assertThat(due).extracting(ReminderStore.Due::chatId).containsExactly(Optional.of(WITH_REMINDER));
        assertThat(moved).isPresent();
        assertThat(erased).isEmpty();
    }

    @Test
    void afterRotationTheOldSecretIsRefusedAndTheNewOneAccepted() {
        SecretRotation.rotate(database, old, next, NOW);

        KeyCheck.verify(database, next);
        assertThatThrownBy(() -> KeyCheck.verify(database, old)).isInstanceOf(StoreException.class);
    }
}
