package io.github.oteltracing.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.github.oteltracing.internal.boot.SpringBootGeneration;
import io.github.oteltracing.internal.boot.SpringBootGeneration.Callback;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;

/**
 * Tells at start-up, in one WARN line, which extension beans nothing uses: the starter
 * applies Spring Boot's and Micrometer's extension beans to its own SDK, but not where the
 * application replaced the part that would (its own {@code SdkTracerProvider} or
 * {@code BatchSpanProcessor}), and Spring Boot's own part has backed off for the starter's.
 */
final class UnusedExtensionBeansWarning implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(UnusedExtensionBeansWarning.class);

	private static final List<String> MICROMETER_EXPORT_HOOKS = List.of(
			"io.micrometer.tracing.exporter.SpanExportingPredicate", "io.micrometer.tracing.exporter.SpanFilter",
			"io.micrometer.tracing.exporter.SpanReporter");

	private final ListableBeanFactory beanFactory;

	private final boolean startersTracerProvider;

	private final boolean startersBatchProcessor;

	/**
	 * @param beanFactory the application's beans
	 * @param startersTracerProvider whether the tracer provider is the starter's
	 * @param startersBatchProcessor whether the batch processor is the starter's
	 */
	UnusedExtensionBeansWarning(ListableBeanFactory beanFactory, boolean startersTracerProvider,
			boolean startersBatchProcessor) {
		this.beanFactory = beanFactory;
		this.startersTracerProvider = startersTracerProvider;
		this.startersBatchProcessor = startersBatchProcessor;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String message = message();
		if (message != null) {
			logger.warn(message);
		}
	}

	String message() {
		List<String> reasons = new ArrayList<>();
		ClassLoader classLoader = getClass().getClassLoader();
		if (!this.startersTracerProvider) {
			add(reasons, beans(Stream.of(SdkTracerProviderCustomizer.class,
					SpringBootGeneration.of(classLoader).callback(Callback.SDK_TRACER_PROVIDER_BUILDER, classLoader))),
					"the application's SdkTracerProvider replaces the starter's, which would apply them");
		}
		else if (!this.startersBatchProcessor) {
			List<String> unused = new ArrayList<>(beans(MICROMETER_EXPORT_HOOKS.stream()
				.filter((name) -> ClassUtils.isPresent(name, classLoader))
				.map((name) -> ClassUtils.resolveClassName(name, classLoader))));
			// The application's own exporters may feed its processor; the starter's do not.
			beans(Stream.of(SpanExporter.class)).stream()
				.filter((bean) -> bean.startsWith("'tracing"))
				.forEach(unused::add);
			add(reasons, unused,
					"the application's BatchSpanProcessor replaces the starter's, which would export through them");
		}
		return reasons.isEmpty() ? null : "Tracing: beans not used: " + String.join("; ", reasons);
	}

	private List<String> beans(Stream<Class<?>> types) {
		return types.filter(Objects::nonNull)
			.flatMap((type) -> Arrays.stream(this.beanFactory.getBeanNamesForType(type, true, false))
				.map((name) -> "'" + name + "' (" + type.getSimpleName() + ")"))
			.toList();
	}

	private static void add(List<String> reasons, List<String> beans, String reason) {
		if (!beans.isEmpty()) {
			reasons.add(String.join(", ", beans) + ": " + reason);
		}
	}

}
