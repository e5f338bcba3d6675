package io.github.oteltracing.sampling;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Records at most a given number of traces per second, with bursts of up to one second's
 * worth. A lock-free token bucket: the state is the time at which the bucket would be
 * empty, so a decision is one CAS and no allocation.
 */
final class RateLimitedSampler implements Sampler {

	private static final SamplingResult RECORD = SamplingResult.recordAndSample();

	private static final SamplingResult DROP = SamplingResult.drop();

	private final long nanosPerTrace;

	private final long burstNanos;

	private final LongSupplier nanoClock;

	private final String description;

	/** Time at which the bucket is empty; the bucket holds (now - emptyAt) / nanosPerTrace tokens. */
	private final AtomicLong emptyAt;

	RateLimitedSampler(double tracesPerSecond, LongSupplier nanoClock) {
		this.nanosPerTrace = Math.max(1, (long) (1_000_000_000d / tracesPerSecond));
		this.burstNanos = Math.max(this.nanosPerTrace, 1_000_000_000L);
		this.nanoClock = nanoClock;
		this.description = "RateLimitedSampler{" + tracesPerSecond + "/s}";
		this.emptyAt = new AtomicLong(nanoClock.getAsLong() - this.burstNanos);
	}

	@Override
	public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
			Attributes attributes, List<LinkData> parentLinks) {
		return tryAcquire() ? RECORD : DROP;
	}

	boolean tryAcquire() {
		long now = this.nanoClock.getAsLong();
		while (true) {
			long emptyAt = this.emptyAt.get();
			// A full bucket does not grow beyond one second's worth of traces.
			long start = Math.max(emptyAt, now - this.burstNanos);
			long next = start + this.nanosPerTrace;
			if (next - now > 0) {
				return false;
			}
			if (this.emptyAt.compareAndSet(emptyAt, next)) {
				return true;
			}
		}
	}

	@Override
	public String getDescription() {
		return this.description;
	}

	@Override
	public String toString() {
		return this.description;
	}

}
