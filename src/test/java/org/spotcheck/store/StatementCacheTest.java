package org.spotcheck.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each SQL text is prepared once and handed out again, and what the store code relies on holds for
 * the statement it gets back: these are the driver's behaviours a driver upgrade could change.
 */
class StatementCacheTest {

    @TempDir
    Path dir;

    private Connection real;
    private StatementCache cache;

    @BeforeEach
    void open() throws SQLException {
        real = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
        real.setAutoCommit(false);
        try (var s = real.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER)");
        }
        cache = new StatementCache(real);
    }

    @AfterEach
    void close() throws SQLException {
        cache.close();
        real.close();
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        return cache.connection().prepareStatement(sql);
    }

    @Test
    void aSqlTextIsPreparedOnceAndHandedOutAgainAfterTheStoreCodeClosedIt() throws SQLException {
        PreparedStatement first;
        try (var s = prepare("SELECT 1")) {
            first = s;
        }

        assertThat(prepare("SELECT 1")).isSameAs(first);
        assertThat(prepare("SELECT 2")).isNotSameAs(first);
        assertThat(first.isClosed()).as("the driver's statement after the store code closed it").isFalse();
    }

    @Test
    void aStatementHandedOutAgainCarriesNoValueBoundInItsLastUse() throws SQLException {
        try (var s = prepare("INSERT INTO t (x) VALUES (?)")) {
            s.setInt(1, 7);
            s.executeUpdate();
        }

        try (var s = prepare("INSERT INTO t (x) VALUES (?)")) {
            s.executeUpdate(); // nothing bound this time
        }
        assertThat(values()).containsExactly(null, 7);
    }

    @Test
    void aBatchLeftUnsentIsNotSentByTheNextUse() throws SQLException {
        try (var s = prepare("INSERT INTO t (x) VALUES (?)")) {
            s.setInt(1, 1);
            s.addBatch();
        }

        try (var s = prepare("INSERT INTO t (x) VALUES (?)")) {
            s.setInt(1, 2);
            s.addBatch();
            s.executeBatch();
        }
        assertThat(values()).containsExactly(2);
    }

    @Test
    void aQueryReadHalfWayRunsFromTheStartAtItsNextUse() throws SQLException {
        insert(1, 2, 3);
        try (var s = prepare("SELECT x FROM t ORDER BY x"); var rows = s.executeQuery()) {
            rows.next();
        }

        assertThat(values()).containsExactly(1, 2, 3);
    }

    @Test
    void aStatementStillRunsAfterACommitARollbackAndAutoCommitToggled() throws SQLException {
        insert(1);
        real.commit();
        insert(2);
        real.rollback();
        real.setAutoCommit(true); // as a checkpoint does
        real.setAutoCommit(false);

        assertThat(values()).containsExactly(1);
    }

    @Test
    void closingTheCacheClosesTheDriversStatements() throws SQLException {
        var statement = prepare("SELECT 1");

        cache.close();

        assertThat(statement.isClosed()).isTrue();
    }

    @Test
    void theStatementsHandedOutAreNoReflectiveProxiesAndNoSubclassOfTheDriver() throws SQLException {
        var statement = prepare("SELECT 1");

        assertThat(Proxy.isProxyClass(statement.getClass())).as("a reflective proxy").isFalse();
        for (Class<?> c = statement.getClass(); c != null; c = c.getSuperclass()) {
            assertThat(c.getName()).as("a class it is built on").doesNotStartWith("org.sqlite");
        }
    }

    private void insert(int... xs) throws SQLException {
        for (int x : xs) {
            try (var s = prepare("INSERT INTO t (x) VALUES (?)")) {
                s.setInt(1, x);
                s.executeUpdate();
            }
        }
    }

    private List<Object> values() throws SQLException {
        var values = new ArrayList<>();
        try (var s = prepare("SELECT x FROM t ORDER BY x"); var rows = s.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getObject(1));
            }
        }
        return values;
    }
}
