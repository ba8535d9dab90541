package org.spotcheck.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepares each SQL text once per connection and hands the same statement out again: SQLite
 * compiles a statement on every prepare, and the hot path of an update runs the same few
 * statements every time. The store code stays plain JDBC: closing a handed-out statement only
 * clears it for the next use. Used under {@link Database}'s lock, so one thread at a time.
 * The statements handed out are the driver's own, each in a {@link KeptStatement} that changes only
 * what close does, through public JDBC: a reflective proxy around each would put a reflective call
 * in every bind and step of every turn (the connection's proxy below is called once per use, not per bind).
 */
final class StatementCache {

    private final Connection real;
    private final Map<String, KeptStatement> prepared = new HashMap<>();
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
            statement = new KeptStatement(real.prepareStatement(sql));
            prepared.put(sql, statement);
        }
        return statement;
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
