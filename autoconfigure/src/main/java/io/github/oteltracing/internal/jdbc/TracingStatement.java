package io.github.oteltracing.internal.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A {@code Statement}, {@code PreparedStatement} or {@code CallableStatement} whose
 * executions each get one CLIENT span, and whose batches one span for the batch.
 */
final class TracingStatement implements InvocationHandler {

	private final Statement statement;

	private final String sql;

	private final Connection connection;

	private final TracedDatabase database;

	// A prepared statement's batch: how many parameter sets.
	private int batchSize;

	// A plain statement's batch: the statements added.
	private String[] batch;

	private TracingStatement(Statement statement, String sql, Connection connection, TracedDatabase database) {
		this.statement = statement;
		this.sql = sql;
		this.connection = connection;
		this.database = database;
	}

	static Statement wrap(Statement statement, Class<? extends Statement> type, String sql, Connection connection,
			TracedDatabase database) {
		return (Statement) Proxy.newProxyInstance(TracingStatement.class.getClassLoader(), new Class<?>[] { type },
				new TracingStatement(statement, sql, connection, database));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		switch (method.getName()) {
			case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate":
				String sql = (args != null && args.length > 0 && args[0] instanceof String given) ? given : this.sql;
				return (sql != null) ? traced(sql, method, args) : call(method, args);
			case "addBatch":
				addBatch(args);
				return call(method, args);
			case "clearBatch":
				clearBatch();
				return call(method, args);
			case "executeBatch", "executeLargeBatch":
				Context parent = Context.current();
				Query batch = this.database.traces(parent) ? batchQuery() : null;
				clearBatch();
				return (batch != null) ? execute(parent, batch, method, args) : call(method, args);
			case "getConnection":
				return this.connection;
			case "equals":
				return proxy == args[0];
			case "hashCode":
				return System.identityHashCode(proxy);
			case "toString":
				return "Traced " + this.statement;
			default:
				return call(method, args);
		}
	}

	// Statements are read only when their execution is traced: one prepared inside a trace may
	// run outside it.
	private Object traced(String sql, Method method, Object[] args) throws Throwable {
		Context parent = Context.current();
		return this.database.traces(parent) ? execute(parent, this.database.query(sql), method, args)
				: call(method, args);
	}

	private Object execute(Context parent, Query query, Method method, Object[] args) throws Throwable {
		Span span = this.database.start(parent, query);
		try (Scope scope = TracedDatabase.executing(parent, span).makeCurrent()) {
			return call(method, args);
		}
		catch (Throwable ex) {
			this.database.failed(span, ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	private void addBatch(Object[] args) {
		if (args == null || args.length == 0) {
			this.batchSize++;
			return;
		}
		if (!(args[0] instanceof String added)) {
			return;
		}
		if (this.batch == null) {
			this.batch = new String[8];
		}
		else if (this.batchSize == this.batch.length) {
			this.batch = Arrays.copyOf(this.batch, this.batchSize * 2);
		}
		this.batch[this.batchSize++] = added;
	}

	private void clearBatch() {
		this.batchSize = 0;
		if (this.batch != null) {
			Arrays.fill(this.batch, null);
		}
	}

	private Query batchQuery() {
		int size = this.batchSize;
		if (size == 0) {
			return null;
		}
		JdbcUrl url = this.database.database();
		if (this.batch != null && this.batch[0] != null) {
			Query[] queries = new Query[size];
			for (int i = 0; i < size; i++) {
				queries[i] = this.database.query(this.batch[i]);
			}
			return (size == 1) ? queries[0] : Query.batch(queries, size, url);
		}
		if (this.sql == null) {
			return null;
		}
		Query query = this.database.query(this.sql);
		return (size == 1) ? query : Query.batch(query, size, url);
	}

	private Object call(Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(this.statement, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
