package org.spotcheck.store;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A driver's prepared statement that the store code may close as often as it likes: closing only
 * clears it for the next use ({@link StatementCache}); {@link #discard()} closes it for good. Every
 * other call goes straight to the driver's statement, through public JDBC only, so a driver upgrade
 * cannot change it unseen, and with no reflection in any bind or step. One line per call, in the
 * order of the JDBC interfaces: PreparedStatement's own, then Statement's.
 */
@SuppressWarnings("deprecation") // setUnicodeStream is JDBC's too, and passed on like the rest
final class KeptStatement implements PreparedStatement {

    private final PreparedStatement statement;

    KeptStatement(PreparedStatement statement) {
        this.statement = statement;
    }

    /** Ready for the next use, as a fresh statement would be; the driver's statement stays prepared. */
    @Override
    public void close() throws SQLException {
        statement.clearParameters();
        statement.clearBatch();
    }

    /** Closes the driver's statement, when its connection closes. */
    void discard() throws SQLException {
        statement.close();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : statement.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || statement.isWrapperFor(type);
    }

    @Override public void addBatch() throws SQLException { statement.addBatch(); }
    @Override public void clearParameters() throws SQLException { statement.clearParameters(); }
    @Override public boolean execute() throws SQLException { return statement.execute(); }
    @Override public long executeLargeUpdate() throws SQLException { return statement.executeLargeUpdate(); }
    @Override public ResultSet executeQuery() throws SQLException { return statement.executeQuery(); }
    @Override public int executeUpdate() throws SQLException { return statement.executeUpdate(); }
    @Override public ResultSetMetaData getMetaData() throws SQLException { return statement.getMetaData(); }
    @Override public ParameterMetaData getParameterMetaData() throws SQLException { return statement.getParameterMetaData(); }
    @Override public void setArray(int index, Array x) throws SQLException { statement.setArray(index, x); }
    @Override public void setAsciiStream(int index, InputStream x) throws SQLException { statement.setAsciiStream(index, x); }
    @Override public void setAsciiStream(int index, InputStream x, int length) throws SQLException { statement.setAsciiStream(index, x, length); }
    @Override public void setAsciiStream(int index, InputStream x, long length) throws SQLException { statement.setAsciiStream(index, x, length); }
    @Override public void setBigDecimal(int index, BigDecimal x) throws SQLException { statement.setBigDecimal(index, x); }
    @Override public void setBinaryStream(int index, InputStream x) throws SQLException { statement.setBinaryStream(index, x); }
    @Override public void setBinaryStream(int index, InputStream x, int length) throws SQLException { statement.setBinaryStream(index, x, length); }
    @Override public void setBinaryStream(int index, InputStream x, long length) throws SQLException { statement.setBinaryStream(index, x, length); }
    @Override public void setBlob(int index, InputStream x) throws SQLException { statement.setBlob(index, x); }
    @Override public void setBlob(int index, Blob x) throws SQLException { statement.setBlob(index, x); }
    @Override public void setBlob(int index, InputStream x, long length) throws SQLException { statement.setBlob(index, x, length); }
    @Override public void setBoolean(int index, boolean x) throws SQLException { statement.setBoolean(index, x); }
    @Override public void setByte(int index, byte x) throws SQLException { statement.setByte(index, x); }
    @Override public void setBytes(int index, byte[] x) throws SQLException { statement.setBytes(index, x); }
    @Override public void setCharacterStream(int index, Reader x) throws SQLException { statement.setCharacterStream(index, x); }
    @Override public void setCharacterStream(int index, Reader x, int length) throws SQLException { statement.setCharacterStream(index, x, length); }
    @Override public void setCharacterStream(int index, Reader x, long length) throws SQLException { statement.setCharacterStream(index, x, length); }
    @Override public void setClob(int index, Reader x) throws SQLException { statement.setClob(index, x); }
    @Override public void setClob(int index, Clob x) throws SQLException { statement.setClob(index, x); }
    @Override public void setClob(int index, Reader x, long length) throws SQLException { statement.setClob(index, x, length); }
    @Override public void setDate(int index, Date x) throws SQLException { statement.setDate(index, x); }
    @Override public void setDate(int index, Date x, Calendar calendar) throws SQLException { statement.setDate(index, x, calendar); }
    @Override public void setDouble(int index, double x) throws SQLException { statement.setDouble(index, x); }
    @Override public void setFloat(int index, float x) throws SQLException { statement.setFloat(index, x); }
    @Override public void setInt(int index, int x) throws SQLException { statement.setInt(index, x); }
    @Override public void setLong(int index, long x) throws SQLException { statement.setLong(index, x); }
    @Override public void setNCharacterStream(int index, Reader x) throws SQLException { statement.setNCharacterStream(index, x); }
    @Override public void setNCharacterStream(int index, Reader x, long length) throws SQLException { statement.setNCharacterStream(index, x, length); }
    @Override public void setNClob(int index, Reader x) throws SQLException { statement.setNClob(index, x); }
    @Override public void setNClob(int index, NClob x) throws SQLException { statement.setNClob(index, x); }
    @Override public void setNClob(int index, Reader x, long length) throws SQLException { statement.setNClob(index, x, length); }
    @Override public void setNString(int index, String x) throws SQLException { statement.setNString(index, x); }
    @Override public void setNull(int index, int type) throws SQLException { statement.setNull(index, type); }
    @Override public void setNull(int index, int type, String typeName) throws SQLException { statement.setNull(index, type, typeName); }
    @Override public void setObject(int index, Object x) throws SQLException { statement.setObject(index, x); }
    @Override public void setObject(int index, Object x, int type) throws SQLException { statement.setObject(index, x, type); }
    @Override public void setObject(int index, Object x, SQLType type) throws SQLException { statement.setObject(index, x, type); }
    @Override public void setObject(int index, Object x, int type, int scaleOrLength) throws SQLException { statement.setObject(index, x, type, scaleOrLength); }
    @Override public void setObject(int index, Object x, SQLType type, int scaleOrLength) throws SQLException { statement.setObject(index, x, type, scaleOrLength); }
    @Override public void setRef(int index, Ref x) throws SQLException { statement.setRef(index, x); }
    @Override public void setRowId(int index, RowId x) throws SQLException { statement.setRowId(index, x); }
    @Override public void setSQLXML(int index, SQLXML x) throws SQLException { statement.setSQLXML(index, x); }
    @Override public void setShort(int index, short x) throws SQLException { statement.setShort(index, x); }
    @Override public void setString(int index, String x) throws SQLException { statement.setString(index, x); }
    @Override public void setTime(int index, Time x) throws SQLException { statement.setTime(index, x); }
    @Override public void setTime(int index, Time x, Calendar calendar) throws SQLException { statement.setTime(index, x, calendar); }
    @Override public void setTimestamp(int index, Timestamp x) throws SQLException { statement.setTimestamp(index, x); }
    @Override public void setTimestamp(int index, Timestamp x, Calendar calendar) throws SQLException { statement.setTimestamp(index, x, calendar); }
    @Override public void setURL(int index, URL x) throws SQLException { statement.setURL(index, x); }
    @Override public void setUnicodeStream(int index, InputStream x, int length) throws SQLException { statement.setUnicodeStream(index, x, length); }
    @Override public void addBatch(String sql) throws SQLException { statement.addBatch(sql); }
    @Override public void cancel() throws SQLException { statement.cancel(); }
    @Override public void clearBatch() throws SQLException { statement.clearBatch(); }
    @Override public void clearWarnings() throws SQLException { statement.clearWarnings(); }
    @Override public void closeOnCompletion() throws SQLException { statement.closeOnCompletion(); }
    @Override public String enquoteIdentifier(String text, boolean value) throws SQLException { return statement.enquoteIdentifier(text, value); }
    @Override public String enquoteLiteral(String text) throws SQLException { return statement.enquoteLiteral(text); }
    @Override public String enquoteNCharLiteral(String text) throws SQLException { return statement.enquoteNCharLiteral(text); }
    @Override public boolean execute(String sql) throws SQLException { return statement.execute(sql); }
    @Override public boolean execute(String sql, int[] columnIndexes) throws SQLException { return statement.execute(sql, columnIndexes); }
    @Override public boolean execute(String sql, String[] columnNames) throws SQLException { return statement.execute(sql, columnNames); }
    @Override public boolean execute(String sql, int autoGeneratedKeys) throws SQLException { return statement.execute(sql, autoGeneratedKeys); }
    @Override public int[] executeBatch() throws SQLException { return statement.executeBatch(); }
    @Override public long[] executeLargeBatch() throws SQLException { return statement.executeLargeBatch(); }
    @Override public long executeLargeUpdate(String sql) throws SQLException { return statement.executeLargeUpdate(sql); }
    @Override public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException { return statement.executeLargeUpdate(sql, columnIndexes); }
    @Override public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException { return statement.executeLargeUpdate(sql, columnNames); }
    @Override public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException { return statement.executeLargeUpdate(sql, autoGeneratedKeys); }
    @Override public ResultSet executeQuery(String sql) throws SQLException { return statement.executeQuery(sql); }
    @Override public int executeUpdate(String sql) throws SQLException { return statement.executeUpdate(sql); }
    @Override public int executeUpdate(String sql, int[] columnIndexes) throws SQLException { return statement.executeUpdate(sql, columnIndexes); }
    @Override public int executeUpdate(String sql, String[] columnNames) throws SQLException { return statement.executeUpdate(sql, columnNames); }
    @Override public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException { return statement.executeUpdate(sql, autoGeneratedKeys); }
    @Override public Connection getConnection() throws SQLException { return statement.getConnection(); }
    @Override public int getFetchDirection() throws SQLException { return statement.getFetchDirection(); }
    @Override public int getFetchSize() throws SQLException { return statement.getFetchSize(); }
    @Override public ResultSet getGeneratedKeys() throws SQLException { return statement.getGeneratedKeys(); }
    @Override public long getLargeMaxRows() throws SQLException { return statement.getLargeMaxRows(); }
    @Override public long getLargeUpdateCount() throws SQLException { return statement.getLargeUpdateCount(); }
    @Override public int getMaxFieldSize() throws SQLException { return statement.getMaxFieldSize(); }
    @Override public int getMaxRows() throws SQLException { return statement.getMaxRows(); }
    @Override public boolean getMoreResults() throws SQLException { return statement.getMoreResults(); }
    @Override public boolean getMoreResults(int value) throws SQLException { return statement.getMoreResults(value); }
    @Override public int getQueryTimeout() throws SQLException { return statement.getQueryTimeout(); }
    @Override public ResultSet getResultSet() throws SQLException { return statement.getResultSet(); }
    @Override public int getResultSetConcurrency() throws SQLException { return statement.getResultSetConcurrency(); }
    @Override public int getResultSetHoldability() throws SQLException { return statement.getResultSetHoldability(); }
    @Override public int getResultSetType() throws SQLException { return statement.getResultSetType(); }
    @Override public int getUpdateCount() throws SQLException { return statement.getUpdateCount(); }
    @Override public SQLWarning getWarnings() throws SQLException { return statement.getWarnings(); }
    @Override public boolean isCloseOnCompletion() throws SQLException { return statement.isCloseOnCompletion(); }
    @Override public boolean isClosed() throws SQLException { return statement.isClosed(); }
    @Override public boolean isPoolable() throws SQLException { return statement.isPoolable(); }
    @Override public boolean isSimpleIdentifier(String text) throws SQLException { return statement.isSimpleIdentifier(text); }
    @Override public void setCursorName(String text) throws SQLException { statement.setCursorName(text); }
    @Override public void setEscapeProcessing(boolean value) throws SQLException { statement.setEscapeProcessing(value); }
    @Override public void setFetchDirection(int value) throws SQLException { statement.setFetchDirection(value); }
    @Override public void setFetchSize(int value) throws SQLException { statement.setFetchSize(value); }
    @Override public void setLargeMaxRows(long value) throws SQLException { statement.setLargeMaxRows(value); }
    @Override public void setMaxFieldSize(int value) throws SQLException { statement.setMaxFieldSize(value); }
    @Override public void setMaxRows(int value) throws SQLException { statement.setMaxRows(value); }
    @Override public void setPoolable(boolean value) throws SQLException { statement.setPoolable(value); }
    @Override public void setQueryTimeout(int value) throws SQLException { statement.setQueryTimeout(value); }
}
