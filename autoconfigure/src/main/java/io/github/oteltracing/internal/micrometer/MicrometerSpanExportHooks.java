package io.github.oteltracing.internal.micrometer;

import java.util.List;

import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.exporter.SpanReporter;
import io.micrometer.tracing.otel.bridge.CompositeSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Micrometer Tracing's export hooks ({@link SpanExportingPredicate}, {@link SpanFilter},
 * {@link SpanReporter} beans), applied to the starter's export as Spring Boot applies them
 * to its own: predicates drop spans, filters change them, reporters see them, before the
 * exporters get them.
 */
public final class MicrometerSpanExportHooks {

	private static final boolean present = ClassUtils.isPresent(
			"io.micrometer.tracing.otel.bridge.CompositeSpanExporter", MicrometerSpanExportHooks.class.getClassLoader());

	private MicrometerSpanExportHooks() {
	}

	/**
	 * Puts the application's Micrometer export hooks in front of an exporter.
	 * @param exporter the exporter
	 * @param beanFactory where the hooks are
	 * @return the exporter, behind the hooks where there are any
	 */
	public static SpanExporter apply(SpanExporter exporter, BeanFactory beanFactory) {
		return present ? Hooks.apply(exporter, beanFactory) : exporter;
	}

	// Apart, so that Micrometer's types are loaded only where Micrometer Tracing is present.
	private static final class Hooks {

		static SpanExporter apply(SpanExporter exporter, BeanFactory beanFactory) {
			List<SpanExportingPredicate> predicates = beanFactory.getBeanProvider(SpanExportingPredicate.class)
				.orderedStream()
				.toList();
			List<SpanReporter> reporters = beanFactory.getBeanProvider(SpanReporter.class).orderedStream().toList();
			List<SpanFilter> filters = beanFactory.getBeanProvider(SpanFilter.class).orderedStream().toList();
			if (predicates.isEmpty() && reporters.isEmpty() && filters.isEmpty()) {
				return exporter;
			}
			return new CompositeSpanExporter(List.of(exporter), predicates, reporters, filters);
		}

	}

}
