package io.github.oteltracing.benchmarks.shared;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * The same proxied bean as {@link PlainService}, tracing itself by hand with the SDK: the
 * baseline that annotation-driven tracing is compared with.
 */
public class RawSdkSpanService {

	private final Tracer tracer;

	public RawSdkSpanService(Tracer tracer) {
		this.tracer = tracer;
	}

	public long work(long input) {
		Span span = this.tracer.spanBuilder(Work.SPAN_NAME).startSpan();
		try (Scope scope = span.makeCurrent()) {
			return Work.compute(input);
		}
		finally {
			span.end();
		}
	}

}
