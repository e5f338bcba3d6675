package io.github.oteltracing.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import io.opentelemetry.context.Context;

/**
 * A connection whose statements, created inside a trace, are traced. A statement
 * created outside one is the driver's own, so that work outside traces pays for no
 * more than this one indirection.
 */
final class TracingConnection implements InvocationHandler {

	private static final Class<?>[] CONNECTION = { Connection.class };

	private final Connection connection;

	private final TracedDatabase database;

	private TracingConnection(Connection connection, TracedDatabase database) {
		this.connection = connection;
		this.database = database;
	}

	static Connection wrap(Connection connection, TracedDatabase database) {
		if (Proxy.isProxyClass(connection.getClass())
				&& Proxy.getInvocationHandler(connection) instanceof TracingConnection) {
			return connection;
		}
		database.identify(connection);
		return (Connection) Proxy.newProxyInstance(TracingConnection.class.getClassLoader(), CONNECTION,
				new TracingConnection(connection, database));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		switch (method.getName()) {
			case "createStatement":
				return statement(proxy, Statement.class, call(method, args), null);
			case "prepareStatement":
				return statement(proxy, PreparedStatement.class, call(method, args), (String) args[0]);
			case "prepareCall":
				return statement(proxy, CallableStatement.class, call(method, args), (String) args[0]);
			case "equals":
				return proxy == args[0];
			case "hashCode":
				return System.identityHashCode(proxy);
			case "toString":
				return "Traced " + this.connection;
			default:
				return call(method, args);
		}
	}

	private Object statement(Object proxy, Class<? extends Statement> type, Object statement, String sql) {
		if (statement == null || !this.database.traces(Context.current())) {
			return statement;
		}
		return TracingStatement.wrap((Statement) statement, type, sql, (Connection) proxy, this.database);
	}

	private Object call(Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(this.connection, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
