package io.github.oteltracing.benchmarks;

import io.github.oteltracing.benchmarks.shared.Work;
import io.micrometer.tracing.annotation.NewSpan;

/**
 * A bean traced by Micrometer Tracing's {@code @NewSpan}.
 */
public class NewSpanService {

	@NewSpan(Work.SPAN_NAME)
	public long work(long input) {
		return Work.compute(input);
	}

}
