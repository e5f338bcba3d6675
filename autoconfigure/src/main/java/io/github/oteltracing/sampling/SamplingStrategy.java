package io.github.oteltracing.sampling;

import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * How new traces are chosen for recording ({@code tracing.sampling.strategy}).
 */
public enum SamplingStrategy {

	/**
	 * Record every trace.
	 */
	ALWAYS_ON("always-on"),

	/**
	 * Record no trace; context is still propagated.
	 */
	ALWAYS_OFF("always-off"),

	/**
	 * Record a share of traces chosen by trace id, ignoring the caller's decision.
	 */
	RATIO("ratio"),

	/**
	 * Follow the caller's decision; record a share of new traces.
	 */
	PARENT_BASED_RATIO("parent-based-ratio"),

	/**
	 * Follow the caller's decision; record at most a number of new traces per second.
	 */
	RATE_LIMITED("rate-limited");

	private final String value;

	SamplingStrategy(String value) {
		this.value = value;
	}

	/**
	 * Creates the sampler of this strategy.
	 * @param ratio share of traces for the ratio strategies
	 * @param tracesPerSecond new traces per second for {@link #RATE_LIMITED}
	 * @return the sampler
	 */
	public Sampler createSampler(double ratio, double tracesPerSecond) {
		return switch (this) {
			case ALWAYS_ON -> Sampler.alwaysOn();
			case ALWAYS_OFF -> Sampler.alwaysOff();
			case RATIO -> Sampler.traceIdRatioBased(ratio);
			case PARENT_BASED_RATIO -> Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
			case RATE_LIMITED -> Sampler.parentBased(new RateLimitedSampler(tracesPerSecond, System::nanoTime));
		};
	}

	@Override
	public String toString() {
		return this.value;
	}

}
