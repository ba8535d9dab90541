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
            var connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA foreign_keys=ON");
                // Erased rows are overwritten where they lie, not left readable in the file; FAST does
                // it without the extra writes of ON, so handling an update stays cheap.
                s.execute("PRAGMA secure_delete=FAST");
            }
            connection.setAutoCommit(false);
            var database = new Database(connection);
            database.migrate();
            return database;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
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

    /** Applies the numbered files in db/ that this database has not seen yet (PRAGMA user_version). */
    private void migrate() {
        int version = version();
        for (int next = version + 1; ; next++) {
            String sql = migration(next);
            if (sql == null) {
                return;
            }
            int target = next;
            inTransaction(c -> {
                try (var s = c.createStatement()) {
                    for (String statement : sql.split(";\\s*(\\r?\\n|$)")) {
                        if (!statement.isBlank()) {
                            s.execute(statement);
                        }
                    }
                    s.execute("PRAGMA user_version = " + target);
                }
                return null;
            });
            log.info("database migrated to version {}", target);
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
            "/db/005_reserved.sql",
            "/db/006_usage.sql",
    };

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
