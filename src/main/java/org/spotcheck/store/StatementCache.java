package org.spotcheck.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * Prepares each SQL text once per connection and hands the same statement out again: SQLite
 * compiles a statement on every prepare, and the hot path of an update runs the same few
 * statements every time. The store code stays plain JDBC: closing a handed-out statement only
 * clears it for the next use. Used under {@link Database}'s lock, so one thread at a time.
 * The statements handed out are the driver's own, changed only in what close does: a proxy
 * around each would put a reflective call in every bind and step of every turn.
 */
final class StatementCache {

    private final Connection real;
    private final Map<String, Reused> prepared = new HashMap<>();
    private final Connection view;

    StatementCache(Connection real) {
        this.real = real;
        this.view = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args.length == 1) {
                        return reusable((String) args[0]);
                    }
                    return forward(real, method, args);
                });
    }

    /** The connection the store code sees. */
    Connection connection() {
        return view;
    }

    private PreparedStatement reusable(String sql) throws SQLException {
        var statement = prepared.get(sql);
        if (statement == null) {
            statement = new Reused((SQLiteConnection) real, sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    /** The driver's statement, kept open when the store code closes it. */
    private static final class Reused extends JDBC4PreparedStatement {

        Reused(SQLiteConnection connection, String sql) throws SQLException {
            super(connection, sql);
        }

        @Override
        public void close() throws SQLException {
            clearParameters();
            clearBatch();
        }

        void discard() throws SQLException {
            super.close();
        }
    }

    private static Object forward(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    void close() throws SQLException {
        for (var statement : prepared.values()) {
            statement.discard();
        }
        prepared.clear();
    }
}
