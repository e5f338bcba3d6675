package io.github.oteltracing.sampling;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitedSamplerTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

	@Test
	void allowsOneSecondBurstThenTheRate() {
		RateLimitedSampler sampler = new RateLimitedSampler(10, this.now::get);
		assertThat(acquired(sampler, 100)).isEqualTo(10);
		this.now.addAndGet(500_000_000L);
		assertThat(acquired(sampler, 100)).isEqualTo(5);
		this.now.addAndGet(10_000_000_000L);
		assertThat(acquired(sampler, 100)).as("the bucket never holds more than one second's worth").isEqualTo(10);
	}

	@Test
	void fractionalRatesAllowOneTracePerPeriod() {
		RateLimitedSampler sampler = new RateLimitedSampler(0.5, this.now::get);
		assertThat(acquired(sampler, 10)).isEqualTo(1);
		this.now.addAndGet(1_000_000_000L);
		assertThat(acquired(sampler, 10)).isZero();
		this.now.addAndGet(1_000_000_000L);
		assertThat(acquired(sampler, 10)).isEqualTo(1);
	}

	@Test
	void rateLimitedStrategyFollowsTheParentDecision() {
		assertThat(SamplingStrategy.RATE_LIMITED.createSampler(1.0, 5).getDescription())
			.startsWith("ParentBased{root:RateLimitedSampler{5.0/s}");
	}

	private static int acquired(RateLimitedSampler sampler, int attempts) {
		int acquired = 0;
		for (int i = 0; i < attempts; i++) {
			if (sampler.tryAcquire()) {
				acquired++;
			}
		}
		return acquired;
	}

}
