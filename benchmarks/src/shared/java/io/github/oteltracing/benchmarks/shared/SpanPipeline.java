package io.github.oteltracing.benchmarks.shared;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * Where the spans of every variant end: a {@link SimpleSpanProcessor} over a
 * {@link CountingSpanExporter}, and the SDK's default resource.
 *
 * <p>Not a batch processor: a benchmark thread ends spans far faster than its worker drains
 * them, so a batch processor would measure a full queue (lock contention, a second busy
 * thread on a small machine, dropped spans and, in newer SDKs, a warning logged per
 * export) rather than the instrumentation. The simple processor exports on the calling
 * thread, the same way for every variant, and drops nothing.
 */
public final class SpanPipeline {

	/** The instrumentation scope of the spans that benchmark code opens itself. */
	public static final String SCOPE = "io.github.oteltracing.benchmarks";

	/**
	 * System property that, set to {@value #COUNT_ONLY} in the forked JVMs
	 * ({@code -jvmArgsAppend -Dbenchmarks.span-processor=count-only}), replaces the simple
	 * processor by one that only counts ended spans: a diagnostic that shows how much of
	 * every span's cost is the export, and how the ratios look with a cheaper pipeline.
	 */
	public static final String PROCESSOR_PROPERTY = "benchmarks.span-processor";

	public static final String COUNT_ONLY = "count-only";

	private SpanPipeline() {
	}

	public static SpanProcessor processor(CountingSpanExporter exporter) {
		if (COUNT_ONLY.equals(System.getProperty(PROCESSOR_PROPERTY))) {
			return new CountOnlySpanProcessor(exporter);
		}
		return SimpleSpanProcessor.create(exporter);
	}

	public static SdkTracerProvider tracerProvider(SpanProcessor processor, Sampler sampler) {
		return SdkTracerProvider.builder().addSpanProcessor(processor).setSampler(sampler).build();
	}

	private static final class CountOnlySpanProcessor implements SpanProcessor {

		private final CountingSpanExporter exporter;

		CountOnlySpanProcessor(CountingSpanExporter exporter) {
			this.exporter = exporter;
		}

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			this.exporter.ended(span);
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

}
