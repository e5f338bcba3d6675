package io.github.oteltracing.test;

import io.github.oteltracing.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import io.github.oteltracing.redaction.RedactingSpanExporter;
import io.github.oteltracing.redaction.SpanRedactor;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Imported by {@link AutoConfigureTracingCapture}: a {@link CapturedSpans} bean and the
 * span processor that fills it, which the starter adds to its tracer provider beside the
 * batch processor. An application that builds its own {@code SdkTracerProvider} sees the
 * capture only if it adds the {@code SpanProcessor} beans to it, as the starter does.
 */
@AutoConfiguration(before = OpenTelemetrySdkAutoConfiguration.class)
@ConditionalOnClass(SimpleSpanProcessor.class)
public final class TracingCaptureAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CapturedSpans capturedSpans() {
		return new CapturedSpans();
	}

	/**
	 * Exports each span as it ends, on the thread that ends it, so that tests need not
	 * wait for a batch; through the application's redactor, as the batch processor does.
	 */
	@Bean
	SpanProcessor tracingCaptureSpanProcessor(CapturedSpans capturedSpans, ObjectProvider<SpanRedactor> redactor) {
		return SimpleSpanProcessor.create(RedactingSpanExporter.wrap(capturedSpans.exporter(), redactor.getIfAvailable()));
	}

}
