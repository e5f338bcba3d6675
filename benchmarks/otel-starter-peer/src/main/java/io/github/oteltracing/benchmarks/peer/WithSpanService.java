package io.github.oteltracing.benchmarks.peer;

import io.github.oteltracing.benchmarks.shared.Work;
import io.opentelemetry.instrumentation.annotations.WithSpan;

/**
 * A bean traced by the OpenTelemetry Spring Boot starter's {@code @WithSpan} support.
 */
public class WithSpanService {

	@WithSpan(Work.SPAN_NAME)
	public long work(long input) {
		return Work.compute(input);
	}

}
