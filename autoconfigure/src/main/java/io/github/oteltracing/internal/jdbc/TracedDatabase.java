package io.github.oteltracing.internal.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.oteltracing.jdbc.QueryTextMode;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ExceptionAttributes;
import io.opentelemetry.semconv.ServerAttributes;

/**
 * The tracing of one data source: which database it is (read from the first
 * connection's URL, once), the statements it has seen (read once each, a bounded cache,
 * as prepared statements repeat), and the spans of their executions.
 */
final class TracedDatabase {

	// Enough for the distinct statements of an application; statements with inlined literals
	// are all distinct, and flush it now and then.
	static final int MAX_CACHED_QUERIES = 1000;

	// Bounds the memory too: a statement built with thousands of values inlined is large, and
	// the cache keeps it with its sanitized copy. A longer statement is read on every execution.
	static final int MAX_CACHED_CHARS = 1 << 20;

	// Set while a statement runs, so that a data source wrapping another one (itself a bean)
	// does not trace the same execution twice.
	private static final ContextKey<Boolean> EXECUTING = ContextKey.named("io.github.oteltracing.jdbc.executing");

	private final JdbcTracer tracer;

	private final Map<String, Query> queries = new ConcurrentHashMap<>();

	// The statements' length in the cache, about: concurrent misses may count one twice.
	private final AtomicLong cachedChars = new AtomicLong();

	private volatile JdbcUrl database;

	private volatile Attributes databaseAttributes;

	TracedDatabase(JdbcTracer tracer) {
		this.tracer = tracer;
	}

	/**
	 * Whether a statement executed now gets a span: inside a trace, or anywhere when
	 * root spans are asked for; never inside another traced execution.
	 * @param context the current context
	 * @return whether to trace
	 */
	boolean traces(Context context) {
		// Outside any trace the context is usually the root: a comparison decides.
		if (context == Context.root()) {
			return this.tracer.rootSpans();
		}
		return context.get(EXECUTING) == null
				&& (this.tracer.rootSpans() || Span.fromContext(context).getSpanContext().isValid());
	}

	/**
	 * Reads which database the data source points at, on its first connection.
	 * @param connection a connection of the data source
	 */
	void identify(Connection connection) {
		if (this.database != null) {
			return;
		}
		JdbcUrl database;
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			database = JdbcUrl.parse(metaData.getURL());
		}
		catch (SQLException | RuntimeException ex) {
			database = JdbcUrl.UNKNOWN;
		}
		AttributesBuilder attributes = Attributes.builder().put(DbAttributes.DB_SYSTEM_NAME, database.system());
		if (database.namespace() != null) {
			attributes.put(DbAttributes.DB_NAMESPACE, database.namespace());
		}
		if (database.host() != null) {
			attributes.put(ServerAttributes.SERVER_ADDRESS, database.host());
			if (database.port() > 0) {
				attributes.put(ServerAttributes.SERVER_PORT, database.port());
			}
		}
		this.databaseAttributes = attributes.build();
		this.database = database;
	}

	/**
	 * The statement read once.
	 * @param sql the statement as the application gave it
	 * @return its span name and attributes
	 */
	Query query(String sql) {
		Query query = this.queries.get(sql);
		if (query != null) {
			return query;
		}
		query = Query.of(sql, this.tracer.queryText(), database());
		int length = sql.length();
		if (length <= MAX_CACHED_CHARS) {
			if (this.queries.size() >= MAX_CACHED_QUERIES || this.cachedChars.addAndGet(length) > MAX_CACHED_CHARS) {
				this.queries.clear();
				this.cachedChars.set(length);
			}
			this.queries.put(sql, query);
		}
		return query;
	}

	JdbcUrl database() {
		JdbcUrl database = this.database;
		return (database != null) ? database : JdbcUrl.UNKNOWN;
	}

	/**
	 * Starts the CLIENT span of an execution.
	 * @param parent the current context
	 * @param query the statement
	 * @return the span
	 */
	Span start(Context parent, Query query) {
		Attributes databaseAttributes = this.databaseAttributes;
		var builder = this.tracer.get()
			.spanBuilder(query.spanName())
			.setParent(parent)
			.setSpanKind(SpanKind.CLIENT)
			.setAllAttributes(query.attributes());
		if (databaseAttributes != null) {
			builder.setAllAttributes(databaseAttributes);
		}
		return builder.startSpan();
	}

	/**
	 * The context a statement runs in: its span current, and marked so that no other
	 * data source in between traces it again.
	 * @param parent the current context
	 * @param span the statement's span
	 * @return the context
	 */
	static Context executing(Context parent, Span span) {
		return parent.with(span).with(EXECUTING, Boolean.TRUE);
	}

	/**
	 * Records a failed execution: {@code error.type}, {@code db.response.status_code}
	 * (the SQLSTATE), ERROR status, and an {@code exception} event. The message is kept
	 * only with raw query text, since drivers quote the statement in it.
	 * @param span the statement's span
	 * @param failure what the driver threw
	 */
	void failed(Span span, Throwable failure) {
		span.setAttribute(ErrorAttributes.ERROR_TYPE, failure.getClass().getName());
		String state = (failure instanceof SQLException sqlException) ? sqlException.getSQLState() : null;
		if (state != null) {
			span.setAttribute(DbAttributes.DB_RESPONSE_STATUS_CODE, state);
		}
		if (this.tracer.queryText() == QueryTextMode.RAW) {
			span.recordException(failure);
			span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
		}
		else {
			span.addEvent("exception", Attributes.of(ExceptionAttributes.EXCEPTION_TYPE, failure.getClass().getName()));
			span.setStatus(StatusCode.ERROR);
		}
	}

}
