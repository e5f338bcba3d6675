package io.github.oteltracing.internal.sdk;

import java.util.concurrent.atomic.AtomicReference;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.propagation.ContextPropagators;

/**
 * The starter's one registration as {@link GlobalOpenTelemetry}: an instance that
 * forwards to the SDK of the application context that holds the slot, and to a no-op
 * while none does. The API can set the global instance only once per JVM; forwarding lets
 * a context that starts after another has closed take the slot over.
 */
final class GlobalOpenTelemetrySlot implements OpenTelemetry {

	static final GlobalOpenTelemetrySlot INSTANCE = new GlobalOpenTelemetrySlot();

	private final AtomicReference<OpenTelemetry> holder = new AtomicReference<>();

	// Identifies the slot behind GlobalOpenTelemetry, which wraps what it is given.
	private final TracerProvider tracerProvider = new ForwardingTracerProvider();

	private GlobalOpenTelemetrySlot() {
	}

	/**
	 * Makes the SDK the global instance, unless another context holds the slot.
	 * @param sdk the application's SDK
	 * @return why it could not, or {@code null} once it is the global instance
	 */
	synchronized String claim(OpenTelemetry sdk) {
		try {
			GlobalOpenTelemetry.set(this);
		}
		catch (IllegalStateException ex) {
			// Set before: by this slot in an earlier context, or by someone else (an agent).
			if (GlobalOpenTelemetry.getTracerProvider() != this.tracerProvider) {
				return "GlobalOpenTelemetry was already set: " + ex.getMessage();
			}
		}
		return this.holder.compareAndSet(null, sdk) ? null
				: "another application context has registered its SDK as GlobalOpenTelemetry";
	}

	/**
	 * Gives the slot back, if the SDK holds it.
	 * @param sdk the application's SDK
	 */
	void release(OpenTelemetry sdk) {
		this.holder.compareAndSet(sdk, null);
	}

	private OpenTelemetry current() {
		OpenTelemetry sdk = this.holder.get();
		return (sdk != null) ? sdk : OpenTelemetry.noop();
	}

	@Override
	public TracerProvider getTracerProvider() {
		return this.tracerProvider;
	}

	@Override
	public MeterProvider getMeterProvider() {
		return current().getMeterProvider();
	}

	@Override
	public LoggerProvider getLogsBridge() {
		return current().getLogsBridge();
	}

	@Override
	public ContextPropagators getPropagators() {
		return current().getPropagators();
	}

	private final class ForwardingTracerProvider implements TracerProvider {

		@Override
		public Tracer get(String instrumentationScopeName) {
			return current().getTracerProvider().get(instrumentationScopeName);
		}

		@Override
		public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
			return current().getTracerProvider().get(instrumentationScopeName, instrumentationScopeVersion);
		}

		@Override
		public TracerBuilder tracerBuilder(String instrumentationScopeName) {
			return current().getTracerProvider().tracerBuilder(instrumentationScopeName);
		}

	}

}
