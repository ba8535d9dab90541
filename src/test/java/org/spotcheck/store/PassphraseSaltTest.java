package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A passphrase is stretched with its deployment's own random salt; databases from before keep the constant one. */
class PassphraseSaltTest {

    private static final String PASSPHRASE = "the-same-passphrase-on-two-servers";
    private static final long CHAT = 5_300_000_001L;

    @TempDir
    Path dir;

    @Test
    void twoNewDeploymentsWithTheSamePassphraseStretchItDifferentlyAndEachKeepsItsOwnSalt() {
        String first = chatKeyOfANewDeployment("one.db");
        String second = chatKeyOfANewDeployment("two.db");

        assertThat(first).isNotEqualTo(second);
        try (var database = Database.open(dir.resolve("one.db"))) {
            var again = Secret.of(Optional.of(PASSPHRASE), dir.resolve("unused"), KeyCheck.salt(database));
            KeyCheck.verify(database, again); // the salt recorded at first stretches it the same way again
            assertThat(new ChatKeys(again).keyFor(CHAT)).isEqualTo(first);
        }
    }

    @Test
    void aDatabaseWrittenBeforeSaltsWereKeptStillOpensWithTheConstantSalt() {
        try (var database = Database.open(dir.resolve("old.db"))) {
            KeyCheck.verify(database, Secret.of(Optional.of(PASSPHRASE), dir.resolve("unused")));
            database.inTransaction(c -> c.createStatement().executeUpdate("UPDATE key_check SET salt = NULL"));

            var secret = Secret.of(Optional.of(PASSPHRASE), dir.resolve("unused"), KeyCheck.salt(database));

            KeyCheck.verify(database, secret);
        }
    }

    private String chatKeyOfANewDeployment(String name) {
        try (var database = Database.open(dir.resolve(name))) {
            var secret = Secret.of(Optional.of(PASSPHRASE), dir.resolve("unused"), KeyCheck.salt(database));
            KeyCheck.verify(database, secret);
            return new ChatKeys(secret).keyFor(CHAT);
        }
    }
}
