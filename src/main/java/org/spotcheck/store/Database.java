package org.spotcheck.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file: created owner-only, migrated at start-up, written through one connection
 * (SQLite has one writer anyway), each unit of work one transaction.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final StatementCache statements;

    private Database(Connection connection) {
        this.connection = connection;
        this.statements = new StatementCache(connection);
    }

    public static Database open(Path file) {
        try {
            OwnerOnly.createFile(file);
            return connect("jdbc:sqlite:" + file.toAbsolutePath(), file, true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A database that lives in memory only and is gone when closed: for the warm-up before the first
     * poll, which must never touch the real data.
     */
    public static Database inMemory() {
        try {
            return connect("jdbc:sqlite::memory:", Path.of(":memory:"), false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a database in memory: " + e.getMessage(), e);
        }
    }

    private static Database connect(String url, Path file, boolean logMigrations) throws SQLException {
        var options = new SQLiteConfig();
        // No store code reads generated keys; asking for them costs a query after every insert.
        options.setGetGeneratedKeys(false);
        var connection = DriverManager.getConnection(url, options.toProperties());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("PRAGMA foreign_keys=ON");
            // Erased rows are overwritten with zeros where they lie, freed pages included: FAST
            // would leave some of them readable in the file.
            s.execute("PRAGMA secure_delete=ON");
            // Sorts, indexes being built and other temporary tables stay in memory: a temp file would
            // hold rows of the data outside the files secure_delete and the checkpoint look after.
            s.execute("PRAGMA temp_store=MEMORY");
        }
        connection.setAutoCommit(false);
        var database = new Database(connection);
        try {
            database.refuseNewer(file);
            database.migrate(file, logMigrations);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    public synchronized <T> T inTransaction(Work<T> work) {
        return transaction(work, false);
    }

    /**
     * Like {@link #inTransaction}, but the commit reaches the disk before this returns, so it
     * survives a power cut too (synchronous=FULL for this commit; the rest stay NORMAL, which
     * survives a crash of the process). For what is confirmed to someone outside, e.g. Telegram.
     */
    public synchronized <T> T inDurableTransaction(Work<T> work) {
        return transaction(work, true);
    }

    /**
     * Copies the write-ahead log into the database file and truncates it to nothing, so rows
     * just erased leave no copy behind in the -wal file (secure_delete already zeroed them in
     * the database file). After /forget and after each retention run.
     */
    public synchronized void checkpoint() {
        try {
            connection.setAutoCommit(true); // a checkpoint cannot run inside a transaction
            try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                if (rs.next() && rs.getInt(1) != 0) {
                    log.warn("checkpoint could not finish; erased rows stay in the -wal file until the next one");
                }
            } finally {
                connection.setAutoCommit(false);
            }
        } catch (SQLException e) {
            log.warn("checkpoint failed: {}", e.getMessage());
        }
    }

    private <T> T transaction(Work<T> work, boolean durable) {
        try {
            if (durable) {
                pragma("synchronous=FULL");
            }
            T result = work.run(statements.connection());
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("database: " + e.getMessage(), e);
        } finally {
            if (durable) {
                try {
                    pragma("synchronous=NORMAL");
                } catch (SQLException e) {
                    log.warn("synchronous not set back: {}", e.getMessage());
                }
            }
        }
    }

    /** Sets a pragma between transactions, where SQLite takes it for the next commit. */
    private void pragma(String setting) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA " + setting);
        } finally {
            connection.setAutoCommit(false);
        }
    }

    /** The number of the last migration applied (PRAGMA user_version). */
    public int version() {
        return inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
                return rs.getInt(1);
            }
        });
    }

    /**
     * A database a newer release has migrated (a rollback of the jar) is not served: this release
     * would misread what it does not know, and could not go back to the newer one's schema.
     */
    private void refuseNewer(Path file) {
        int version = version();
        if (version > SCHEMA) {
            throw new StoreException(StoreException.Input.DATABASE, ": " + file + " has schema version " + version
                    + ", newer than this release's " + SCHEMA + ": a newer SpotCheck wrote it. Run that release again,"
                    + " or roll back by restoring the backup taken before the upgrade, with its secret (README, Backups)");
        }
    }

    /**
     * Applies the numbered files in db/ that this database has not seen yet (PRAGMA user_version).
     * Never under a bot another process runs: an older release's bot would go on writing the tables
     * the migrations change (an upgrade's --check run before its restart, or --stats with the new jar).
     */
    private void migrate(Path file, boolean logged) {
        int version = version();
        if (version < SCHEMA && ServingLock.servedByAnotherProcess(file)) {
            throw new StoreException(StoreException.Input.DATABASE, ": " + file + " has schema version " + version
                    + " and a bot is serving it; this release would migrate it to version " + SCHEMA + " under that"
                    + " bot. Stop the bot first, then run this again (README, Deploying: Upgrading)");
        }
        for (int next = version + 1; ; next++) {
            String sql = migration(next);
            if (sql == null) {
                return;
            }
            int target = next;
            inTransaction(c -> {
                try (var s = c.createStatement()) {
                    for (String statement : sql.split(";\\s*(\\r?\\n|$)")) {
                        if (!statement.replaceAll("(?m)^\\s*--.*$", "").isBlank()) { // not only comments
                            s.execute(statement);
                        }
                    }
                    s.execute("PRAGMA user_version = " + target);
                }
                return null;
            });
            if (logged) {
                log.info("database migrated to version {}", target);
            }
        }
    }

    private static String migration(int number) {
        String prefix = String.format(Locale.ROOT, "/db/%03d_", number);
        for (String name : MIGRATIONS) {
            if (name.startsWith(prefix)) {
                try (InputStream in = Database.class.getResourceAsStream(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    /** Listed here because a jar cannot list a folder; a new migration adds a line. */
    private static final String[] MIGRATIONS = {
            "/db/001_chats.sql",
            "/db/002_inbox.sql",
            "/db/003_reminders.sql",
            "/db/004_reserved.sql",
            "/db/005_privacy.sql",
            "/db/006_usage.sql",
            "/db/007_no_result_level.sql",
            "/db/008_usage_weeks.sql",
            "/db/009_reminders_by_hour_and_salt.sql",
            "/db/010_version2_no_asked_again.sql",
            "/db/011_sealed_ids_bound_once.sql",
    };

    /** The schema this release writes: the number of its last migration ("/db/NNN_…"). */
    public static final int SCHEMA = Integer.parseInt(MIGRATIONS[MIGRATIONS.length - 1].substring(4, 7));

    @Override
    public synchronized void close() {
        try {
            statements.close();
            connection.close();
        } catch (SQLException e) {
            log.warn("closing the database: {}", e.getMessage());
        }
    }
}
