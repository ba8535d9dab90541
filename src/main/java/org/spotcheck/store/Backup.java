package org.spotcheck.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.sqlite.SQLiteConfig;

/**
 * --backup FILE: a consistent copy of the database, safe to take while a bot serves it. SQLite's
 * VACUUM INTO reads one snapshot (the write-ahead log included) as any reader does, so the bot goes
 * on writing meanwhile; a copy of the files could catch the database and its -wal half-way. The
 * copy holds only live rows (no erased page survives a vacuum), is owner-only, and holds no secret:
 * restoring it needs the secret that wrote it (README, Backups).
 */
public final class Backup {

    private Backup() {
    }

    /**
     * Writes the copy to {@code target}, which must not exist yet (its folders are created
     * owner-only); returns its size in bytes. The database is neither migrated nor changed: a backup
     * taken before an upgrade is the release before it, to roll back to.
     */
    public static long to(Path database, Path target) {
        if (!Files.isRegularFile(database)) {
            throw new StoreException(StoreException.Input.DATABASE, ": there is no database at "
                    + database.toAbsolutePath() + " to back up (run it with the bot's own settings, as its user)");
        }
        if (Files.exists(target)) { // checked here too: a failed copy below deletes the file, so it must be ours
            throw new IllegalStateException(target + " exists already; name a file to create");
        }
        try {
            OwnerOnly.createFile(target); // empty, 0600: VACUUM INTO fills an empty file and keeps its mode
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException("cannot back up to " + target + ": " + e.getCause().getMessage(), e);
        }
        var options = new SQLiteConfig();
        options.setBusyTimeout(5_000); // a bot's transaction in progress is short
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(), options.toProperties());
             var into = connection.prepareStatement("VACUUM INTO ?")) {
            into.setString(1, target.toAbsolutePath().toString());
            into.execute();
            return Files.size(target);
        } catch (SQLException | java.io.IOException e) {
            deleteQuietly(target); // half a backup must not look like one
            throw new IllegalStateException("cannot back up " + database + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
            // the error above says what failed; this file is then the operator's to remove
        }
    }
}
