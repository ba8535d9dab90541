package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --backup: a copy of a database in use, complete, owner-only, and usable only with its own secret. */
class BackupTest {

    private static final String PASSPHRASE = "backup-test-passphrase-0123456789";

    @TempDir
    Path dir;

    @Test
    void aBackupOfADatabaseInUseHoldsWhatWasCommittedAndOpensWithItsSecretOnly() throws Exception {
        Path file = dir.resolve("spotcheck.db");
        Path copy = dir.resolve("backups/spotcheck-backup.db");
        var secret = Secret.of(Optional.of(PASSPHRASE), dir.resolve("unused"));
        try (var live = Database.open(file)) {
            KeyCheck.verify(live, secret);
            live.inTransaction(c -> {
                try (var s = c.createStatement()) {
                    s.execute("CREATE TABLE marker (n INTEGER)");
                    s.execute("INSERT INTO marker VALUES (42)");
                }
                return null;
            });
            // The bot still runs: the rows are in the write-ahead log, not yet in the database file.
            assertThat(Files.size(dir.resolve("spotcheck.db-wal"))).isPositive();

            long bytes = Backup.to(file, copy);

            assertThat(bytes).isEqualTo(Files.size(copy)).isPositive();
        }
        assertThat(Files.getPosixFilePermissions(copy)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var restored = Database.open(copy)) {
            KeyCheck.verify(restored, Secret.of(Optional.of(PASSPHRASE), dir.resolve("unused")));
            int n = restored.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT n FROM marker")) {
                    return rs.getInt(1);
                }
            });
            assertThat(n).isEqualTo(42);
            assertThatThrownBy(() -> KeyCheck.verify(restored, Secret.of(Optional.of("another-passphrase-entirely"),
                    dir.resolve("unused")))).isInstanceOf(StoreException.class);
        }
    }

    @Test
    void aBackupNeverWritesOverNorDeletesAFileThatIsThereAlready() throws Exception {
        Path file = dir.resolve("spotcheck.db");
        Database.open(file).close();
        Path mine = dir.resolve("notes.txt");
        Files.writeString(mine, "the operator's own file");

        assertThatThrownBy(() -> Backup.to(file, mine)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exists already");
        assertThat(Files.readString(mine)).isEqualTo("the operator's own file");
    }

    @Test
    void aBackupLeavesTheDatabaseAsItWasUnmigrated() throws Exception {
        Path file = dir.resolve("old.db");
        PreviousRelease.RELEASE_1.create(file).close();

        Backup.to(file, dir.resolve("copy.db"));

        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("copy.db"));
             var statement = connection.createStatement(); var rs = statement.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).as("the copy's schema: the release it was taken from").isEqualTo(3);
        }
    }

    @Test
    void noDatabaseIsNamedAndNothingIsWritten() throws Exception {
        assertThatThrownBy(() -> Backup.to(dir.resolve("missing.db"), dir.resolve("copy.db")))
                .isInstanceOf(StoreException.class).hasMessageContaining("there is no database at");
        assertThat(dir.resolve("copy.db")).doesNotExist();
    }
}
