package io.github.oteltracing.jdbc;

import java.util.function.Supplier;

import io.github.oteltracing.internal.StarterTracers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

/**
 * The tracer of the JDBC instrumentation scope, looked up on first use (data sources are
 * wrapped before the SDK is built), and the settings every traced data source shares.
 */
final class JdbcTracer {

	static final String INSTRUMENTATION_SCOPE = "io.github.oteltracing.jdbc";

	private final Supplier<OpenTelemetry> openTelemetry;

	private final QueryTextMode queryText;

	private final boolean rootSpans;

	private volatile Tracer tracer;

	JdbcTracer(Supplier<OpenTelemetry> openTelemetry, QueryTextMode queryText, boolean rootSpans) {
		this.openTelemetry = openTelemetry;
		this.queryText = queryText;
		this.rootSpans = rootSpans;
	}

	Tracer get() {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			tracer = StarterTracers.tracer(this.openTelemetry.get(), INSTRUMENTATION_SCOPE);
			this.tracer = tracer;
		}
		return tracer;
	}

	QueryTextMode queryText() {
		return this.queryText;
	}

	boolean rootSpans() {
		return this.rootSpans;
	}

}
