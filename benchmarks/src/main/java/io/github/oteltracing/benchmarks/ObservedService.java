package io.github.oteltracing.benchmarks;

import io.github.oteltracing.benchmarks.shared.Work;
import io.micrometer.observation.annotation.Observed;

/**
 * A bean observed with Micrometer's {@code @Observed}. The contextual name is given because
 * it becomes the span name; the default would build {@code Class#method} on every call.
 */
public class ObservedService {

	@Observed(name = Work.SPAN_NAME, contextualName = Work.SPAN_NAME)
	public long work(long input) {
		return Work.compute(input);
	}

}
