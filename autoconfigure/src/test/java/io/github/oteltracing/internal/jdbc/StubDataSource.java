package io.github.oteltracing.internal.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A data source that hands out one connection (which does nothing) and counts how often
 * it is closed. Public and not final, as a pool's class is.
 */
public class StubDataSource implements DataSource, AutoCloseable {

	private final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
			new Class<?>[] { Connection.class }, (proxy, method, args) -> null);

	private int closed;

	@Override
	public Connection getConnection() {
		return this.connection;
	}

	@Override
	public Connection getConnection(String username, String password) {
		return this.connection;
	}

	/**
	 * How often {@link #close()} was called.
	 * @return the count
	 */
	public int closed() {
		return this.closed;
	}

	@Override
	public void close() {
		this.closed++;
	}

	@Override
	public PrintWriter getLogWriter() {
		return null;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
	}

	@Override
	public void setLoginTimeout(int seconds) {
	}

	@Override
	public int getLoginTimeout() {
		return 0;
	}

	@Override
	public Logger getParentLogger() {
		return Logger.getGlobal();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("Not a wrapper of " + type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

}
