package org.spotcheck.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SQLite database in a temp folder, for each test its own: opened before the test under a
 * passphrase secret that it verifies, as the bot does at every start, and closed and deleted after it.
 * Register it with {@code @RegisterExtension final TempDatabase store = new TempDatabase("a-passphrase");}.
 */
public final class TempDatabase implements BeforeEachCallback, AfterEachCallback {

    private final String passphrase;
    private Path dir;
    private Database database;
    private Secret secret;

    public TempDatabase(String passphrase) {
        this.passphrase = passphrase;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("spotcheck-temp-database");
        database = Database.open(file());
        secret = secret(passphrase);
        KeyCheck.verify(database, secret);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (database != null) {
            database.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(TempDatabase::delete);
        }
    }

    /** The folder the database lives in. */
    public Path dir() {
        return dir;
    }

    /** The database file (spotcheck.db, beside its write-ahead log). */
    public Path file() {
        return dir.resolve("spotcheck.db");
    }

    public Database database() {
        return database;
    }

    /** The secret the database was opened under. */
    public Secret secret() {
        return secret;
    }

    /** Another secret of a passphrase, as the bot would read it from the settings (it has no file). */
    public Secret secret(String anotherPassphrase) {
        return Secret.of(Optional.of(anotherPassphrase), dir.resolve("unused"));
    }

    public ChatKeys chatKeys() {
        return new ChatKeys(secret);
    }

    /** Reminders sealed under the database's secret. */
    public ReminderStore reminders() {
        return new ReminderStore(new Sealer(secret));
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
