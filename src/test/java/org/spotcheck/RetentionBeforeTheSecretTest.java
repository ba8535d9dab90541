package org.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spotcheck.check.Answer;
import org.spotcheck.check.Check;
import org.spotcheck.store.StoreException;
import org.spotcheck.config.SettingsLoader;
import org.spotcheck.store.ChatKeys;
import org.spotcheck.store.ChatState;
import org.spotcheck.store.ChatStore;
import org.spotcheck.store.Database;
import org.spotcheck.store.KeyCheck;
import org.spotcheck.store.Secret;

/** Retention needs no key: a start refused for a wrong secret still deletes what is past its period. */
class RetentionBeforeTheSecretTest {

    private static final Instant THEN = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aStartWithTheWrongSecretStillDeletesACheckPastItsSevenDays() {
        Path file = dir.resolve("spotcheck.db");
        var right = Secret.of(Optional.of("the-right-secret-0123456789"), dir.resolve("unused"));
        String chatKey = new ChatKeys(right).keyFor(5_200_000_001L);
        try (var database = Database.open(file)) {
            KeyCheck.verify(database, right);
            database.inTransaction(c -> {
                new ChatStore().save(c, chatKey, new ChatState(Optional.of(Check.begin(1).answer(Answer.EMERGENCY_NONE)),
                        "en", Optional.empty()), THEN);
                return null;
            });
        }
        var settings = SettingsLoader.load(Map.of("SPOTCHECK_DB", file.toString(),
                "SPOTCHECK_SECRET", "a-wrong-secret-typed-by-mistake"));

        assertThatThrownBy(() -> Application.open(settings, new MutableClock(THEN.plus(Duration.ofDays(8)))))
                .isInstanceOf(StoreException.class);

        try (var database = Database.open(file)) {
            Optional<ChatState> left = database.inTransaction(c -> new ChatStore().load(c, chatKey));
            assertThat(left).isEmpty();
        }
    }
}
