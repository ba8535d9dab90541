package org.spotcheck.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A database file as an earlier release left it: that release's migrations, run straight through
 * SQLite without this release's code, and its schema version. One way of building it, for every
 * release an upgrade test starts from.
 */
enum PreviousRelease {
    /** Release 1: chats, the inbox and reminders (migrations 001–003). */
    RELEASE_1(List.of("001_chats.sql", "002_inbox.sql", "003_reminders.sql")),
    /** Release 2, clinical rules version 2 (migrations 001–007). */
    RELEASE_2(List.of("001_chats.sql", "002_inbox.sql", "003_reminders.sql", "004_reserved.sql", "005_privacy.sql",
            "006_usage.sql", "007_no_result_level.sql"));

    private final List<String> migrations;

    PreviousRelease(List<String> migrations) {
        this.migrations = migrations;
    }

    /** Creates the file with this release's schema; the caller fills in its rows. */
    Connection create(Path file) throws SQLException {
        var c = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (var s = c.createStatement()) {
            for (String name : migrations) {
                for (String statement : read("/db/" + name).split(";\\s*(\\r?\\n|$)")) {
                    if (!statement.replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            s.execute("PRAGMA user_version = " + migrations.size());
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static String read(String resource) {
        try (InputStream in = PreviousRelease.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
