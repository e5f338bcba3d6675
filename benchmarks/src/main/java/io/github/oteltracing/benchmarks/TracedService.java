package io.github.oteltracing.benchmarks;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.benchmarks.shared.Work;

/**
 * A bean traced by the starter under test.
 */
public class TracedService {

	@Traced(Work.SPAN_NAME)
	public long work(long input) {
		return Work.compute(input);
	}

}
