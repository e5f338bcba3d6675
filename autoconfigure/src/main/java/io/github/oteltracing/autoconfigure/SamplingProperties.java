package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.sampling.SamplingStrategy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Head sampling: which new traces are recorded.
 */
@ConfigurationProperties("tracing.sampling")
public class SamplingProperties {

	/**
	 * Sampling strategy: always-on, always-off, ratio (of trace ids), parent-based-ratio
	 * (follow the caller's decision, else ratio) or rate-limited (follow the caller's
	 * decision, else at most rate-limit new traces per second).
	 */
	private SamplingStrategy strategy = SamplingStrategy.PARENT_BASED_RATIO;

	/**
	 * Share of new traces to record, from 0.0 to 1.0, for the ratio strategies.
	 */
	private double ratio = 1.0;

	/**
	 * New (root) traces recorded per second for the rate-limited strategy; bursts of up to
	 * one second's worth are allowed.
	 */
	private double rateLimit = 100;

	public SamplingStrategy getStrategy() {
		return this.strategy;
	}

	public void setStrategy(SamplingStrategy strategy) {
		this.strategy = strategy;
	}

	public double getRatio() {
		return this.ratio;
	}

	public void setRatio(double ratio) {
		if (!(ratio >= 0.0 && ratio <= 1.0)) {
			throw new InvalidPropertyValueException("must be between 0.0 and 1.0", "a number from 0.0 to 1.0");
		}
		this.ratio = ratio;
	}

	public double getRateLimit() {
		return this.rateLimit;
	}

	public void setRateLimit(double rateLimit) {
		if (!(rateLimit > 0.0) || Double.isInfinite(rateLimit)) {
			throw new InvalidPropertyValueException("must be a positive number of traces per second",
					"a number greater than 0");
		}
		this.rateLimit = rateLimit;
	}

}
