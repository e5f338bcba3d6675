package io.github.oteltracing.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ExporterLogLevelsEnvironmentPostProcessor}: the OTLP exporters' own failure log is
 * off unless the application says otherwise.
 */
class ExporterLogLevelsEnvironmentPostProcessorTests {

	private final ExporterLogLevelsEnvironmentPostProcessor postProcessor = new ExporterLogLevelsEnvironmentPostProcessor();

	@Test
	void silencesTheExportersOfOldAndNewOpenTelemetry() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.level.io.opentelemetry.exporter.internal.http.HttpExporter"))
			.isEqualTo("off");
		assertThat(environment.getProperty("logging.level.io.opentelemetry.exporter.internal.grpc.GrpcExporter"))
			.isEqualTo("off");
		assertThat(environment.getProperty("logging.level.io.opentelemetry.exporter.otlp.internal.HttpExporter"))
			.isEqualTo("off");
		assertThat(environment.getProperty("logging.level.io.opentelemetry.exporter.otlp.internal.GrpcExporter"))
			.isEqualTo("off");
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(ExporterLogLevelsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

	@Test
	void theApplicationsOwnLevelWins() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("logging.level.io.opentelemetry.exporter.internal.http.HttpExporter", "warn");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.level.io.opentelemetry.exporter.internal.http.HttpExporter"))
			.isEqualTo("warn");
	}

	@Test
	void anyOpenTelemetryLevelOfTheApplicationKeepsTheExportersLog() {
		for (String logger : new String[] { "io.opentelemetry", "io.opentelemetry.exporter" }) {
			MockEnvironment environment = new MockEnvironment().withProperty("logging.level." + logger, "warn");
			this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
			assertThat(environment.getPropertySources()
				.contains(ExporterLogLevelsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		}
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("LOGGING_LEVEL_IO_OPENTELEMETRY", "debug")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources()
			.contains(ExporterLogLevelsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
	}

	@Test
	void otherLevelsDoNotMatter() {
		MockEnvironment environment = new MockEnvironment().withProperty("logging.level.root", "warn")
			.withProperty("logging.level.io.github.oteltracing", "debug");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.level.io.opentelemetry.exporter.internal.http.HttpExporter"))
			.isEqualTo("off");
	}

	@Test
	void tracingOffChangesNothing() {
		MockEnvironment environment = new MockEnvironment().withProperty("tracing.enabled", "false");
		environment.getPropertySources().addLast(new MapPropertySource("empty", Map.of()));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources()
			.contains(ExporterLogLevelsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
	}

}
