package io.github.oteltracing.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.oteltracing.internal.boot.EnvironmentPreparedOrder;
import io.github.oteltracing.internal.exporter.SpanExportMonitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Silences the OTLP exporters' own log of failed exports, at the lowest precedence. They
 * log every failed batch (five a minute, then one a minute, some with a stack trace);
 * {@link SpanExportMonitor} reports the same failures once a minute with the destination
 * and what was lost. An application that sets any {@code logging.level.io.opentelemetry*}
 * level keeps the exporters' log as it configured it.
 */
class ExporterLogLevelsEnvironmentPostProcessor implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String PROPERTY_SOURCE_NAME = "tracingExporterLogLevels";

	// Where the OTLP exporters log, before and after they moved in OpenTelemetry 1.5x.
	static final List<String> EXPORTER_LOGGERS = List.of("io.opentelemetry.exporter.internal.http.HttpExporter",
			"io.opentelemetry.exporter.internal.grpc.GrpcExporter",
			"io.opentelemetry.exporter.otlp.internal.HttpExporter",
			"io.opentelemetry.exporter.otlp.internal.GrpcExporter");

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		postProcessEnvironment(event.getEnvironment(), event.getSpringApplication());
	}

	void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)
				|| !environment.getProperty("tracing.enabled", Boolean.class, true)
				|| configuresOpenTelemetryLogging(environment)) {
			return;
		}
		Map<String, Object> levels = new LinkedHashMap<>();
		EXPORTER_LOGGERS.forEach((logger) -> levels.put("logging.level." + logger, "off"));
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, levels));
	}

	private static boolean configuresOpenTelemetryLogging(ConfigurableEnvironment environment) {
		Map<String, String> levels = Binder.get(environment)
			.bind("logging.level", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of());
		return levels.keySet()
			.stream()
			.anyMatch((logger) -> logger.equals("io.opentelemetry") || logger.startsWith("io.opentelemetry."));
	}

	@Override
	public int getOrder() {
		return EnvironmentPreparedOrder.EXPORTER_LOG_LEVELS;
	}

}
