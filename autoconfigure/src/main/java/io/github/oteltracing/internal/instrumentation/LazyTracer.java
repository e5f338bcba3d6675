package io.github.oteltracing.internal.instrumentation;

import java.util.function.Supplier;

import io.github.oteltracing.internal.StarterTracers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * The tracer and propagator of an instrumentation, looked up on first use: the
 * post-processors, filters and handlers that instrument a library are created before the
 * SDK. The tracer carries the starter's version on its scope.
 */
public final class LazyTracer {

	private final Supplier<OpenTelemetry> openTelemetry;

	private final String instrumentationScope;

	private volatile Tracer tracer;

	private volatile TextMapPropagator propagator;

	/**
	 * @param openTelemetry the application's OpenTelemetry
	 * @param instrumentationScope the name of the instrumentation scope of the spans
	 */
	public LazyTracer(Supplier<OpenTelemetry> openTelemetry, String instrumentationScope) {
		this.openTelemetry = openTelemetry;
		this.instrumentationScope = instrumentationScope;
	}

	/**
	 * @return the tracer of the instrumentation scope
	 */
	public Tracer tracer() {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			tracer = StarterTracers.tracer(this.openTelemetry.get(), this.instrumentationScope);
			this.tracer = tracer;
		}
		return tracer;
	}

	/**
	 * @return the application's configured propagators
	 */
	public TextMapPropagator propagator() {
		TextMapPropagator propagator = this.propagator;
		if (propagator == null) {
			propagator = this.openTelemetry.get().getPropagators().getTextMapPropagator();
			this.propagator = propagator;
		}
		return propagator;
	}

}
