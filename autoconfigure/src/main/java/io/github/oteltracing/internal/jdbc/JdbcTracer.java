package io.github.oteltracing.internal.jdbc;

import java.util.function.Supplier;

import io.github.oteltracing.internal.instrumentation.LazyTracer;
import io.github.oteltracing.jdbc.QueryTextMode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

/**
 * The tracer of the JDBC instrumentation scope, looked up on first use (data sources are
 * wrapped before the SDK is built), and the settings every traced data source shares.
 */
final class JdbcTracer {

	static final String INSTRUMENTATION_SCOPE = "io.github.oteltracing.jdbc";

	private final LazyTracer tracer;

	private final QueryTextMode queryText;

	private final boolean rootSpans;

	JdbcTracer(Supplier<OpenTelemetry> openTelemetry, QueryTextMode queryText, boolean rootSpans) {
		this.tracer = new LazyTracer(openTelemetry, INSTRUMENTATION_SCOPE);
		this.queryText = queryText;
		this.rootSpans = rootSpans;
	}

	Tracer get() {
		return this.tracer.tracer();
	}

	QueryTextMode queryText() {
		return this.queryText;
	}

	boolean rootSpans() {
		return this.rootSpans;
	}

}
