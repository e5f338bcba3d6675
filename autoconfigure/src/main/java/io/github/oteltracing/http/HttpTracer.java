package io.github.oteltracing.http;

import io.github.oteltracing.internal.StarterTracers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;

/**
 * The tracer of the HTTP instrumentation scope, looked up on first use rather than when
 * the filters and interceptors are built, and then kept.
 */
public final class HttpTracer {

	private final OpenTelemetry openTelemetry;

	private volatile Tracer tracer;

	public HttpTracer(OpenTelemetry openTelemetry) {
		this.openTelemetry = openTelemetry;
	}

	/**
	 * The tracer.
	 * @return the tracer of {@link HttpSpans#INSTRUMENTATION_SCOPE}
	 */
	public Tracer get() {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			tracer = StarterTracers.tracer(this.openTelemetry, HttpSpans.INSTRUMENTATION_SCOPE);
			this.tracer = tracer;
		}
		return tracer;
	}

}
