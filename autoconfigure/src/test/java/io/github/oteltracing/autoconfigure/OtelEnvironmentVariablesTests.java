package io.github.oteltracing.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class OtelEnvironmentVariablesTests {

	@Test
	void mapsEveryVariable() {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("OTEL_SDK_DISABLED", "true");
		env.put("OTEL_SERVICE_NAME", " orders ");
		env.put("OTEL_RESOURCE_ATTRIBUTES", "team=payments,k8s.cluster.name=eu%2C1,broken,=x");
		env.put("OTEL_TRACES_EXPORTER", "console,otlp");
		env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318");
		env.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:4318/v1/traces");
		env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
		env.put("OTEL_EXPORTER_OTLP_HEADERS", "k1=v1,Api-Key=a%3Db+c");
		env.put("OTEL_EXPORTER_OTLP_COMPRESSION", "none");
		env.put("OTEL_EXPORTER_OTLP_TIMEOUT", "2500");
		env.put("OTEL_PROPAGATORS", "b3multi,jaeger");
		env.put("OTEL_BSP_SCHEDULE_DELAY", "100");
		env.put("OTEL_BSP_EXPORT_TIMEOUT", "1000");
		env.put("OTEL_BSP_MAX_QUEUE_SIZE", "10");
		env.put("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "5");
		env.put("UNRELATED", "x");
		Map<String, String> properties = values(OtelEnvironmentVariables.toProperties(env));
		assertThat(properties).containsEntry("tracing.enabled", "false")
			.containsEntry("tracing.service-name", "orders")
			.containsEntry("tracing.resource.attributes[team]", "payments")
			.containsEntry("tracing.resource.attributes[k8s.cluster.name]", "eu,1")
			.containsEntry("tracing.exporter.type", "logging")
			.containsEntry("tracing.exporter.otlp.endpoint", "http://traces:4318/v1/traces")
			.containsEntry("tracing.exporter.otlp.protocol", "grpc")
			.containsEntry("tracing.exporter.otlp.headers[k1]", "v1")
			.containsEntry("tracing.exporter.otlp.headers[Api-Key]", "a=b+c")
			.containsEntry("tracing.exporter.otlp.compression", "none")
			.containsEntry("tracing.exporter.otlp.timeout", "2500ms")
			.containsEntry("tracing.propagation.types", "b3multi,jaeger")
			.containsEntry("tracing.exporter.batch.schedule-delay", "100ms")
			.containsEntry("tracing.exporter.batch.export-timeout", "1000ms")
			.containsEntry("tracing.exporter.batch.max-queue-size", "10")
			.containsEntry("tracing.exporter.batch.max-export-batch-size", "5")
			.hasSize(16);
	}

	@ParameterizedTest
	@CsvSource({ "always_on,, always-on,", "always_off,, always-off,", "traceidratio, 0.25, ratio, 0.25",
			"parentbased_always_on, 0.5, parent-based-ratio, 1.0", "parentbased_always_off,, parent-based-ratio, 0.0",
			"parentbased_traceidratio, 0.1, parent-based-ratio, 0.1", "jaeger_remote,, jaeger_remote,",
			"always_on, 5, always-on," })
	void mapsSamplers(String sampler, String argument, String strategy, String ratio) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("OTEL_TRACES_SAMPLER", sampler);
		if (argument != null) {
			env.put("OTEL_TRACES_SAMPLER_ARG", argument);
		}
		Map<String, String> properties = values(OtelEnvironmentVariables.toProperties(env));
		assertThat(properties).containsEntry("tracing.sampling.strategy", strategy);
		assertThat(properties.get("tracing.sampling.ratio")).isEqualTo(ratio);
	}

	@Test
	void propagatorsNoneMeansNoFormats() {
		assertThat(values(OtelEnvironmentVariables.toProperties(Map.of("OTEL_PROPAGATORS", "none"))))
			.containsEntry("tracing.propagation.types", "");
	}

	@Test
	void otelVariablesBeatApplicationPropertiesAndLoseToTracingVariablesAndSystemProperties() {
		assertThat(serviceName(Map.of("OTEL_SERVICE_NAME", "from-otel"), null)).isEqualTo("from-otel");
		assertThat(serviceName(Map.of("OTEL_SERVICE_NAME", "from-otel", "TRACING_SERVICE_NAME", "from-tracing"), null))
			.isEqualTo("from-tracing");
		assertThat(serviceName(Map.of("OTEL_SERVICE_NAME", "from-otel"), "from-system-property"))
			.isEqualTo("from-system-property");
		assertThat(serviceName(Map.of(), null)).isEqualTo("from-yml");
	}

	@Test
	void onlyTheTracesEndpointVariableIsUsedAsIs() {
		String property = "tracing.exporter.otlp.endpoint";
		assertThat(OtelVariables.isTracesEndpoint(
				environment(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c/ingest"), null), property)).isTrue();
		assertThat(OtelVariables.isTracesEndpoint(environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c"), null),
				property)).isFalse();
		assertThat(OtelVariables.isTracesEndpoint(environment(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c/x",
				"TRACING_EXPORTER_OTLP_ENDPOINT", "http://d"), null), property)).isFalse();
		assertThat(OtelVariables.isTracesEndpoint(environment(Map.of(), null), property)).isFalse();
	}

	@Test
	void propertiesRememberTheirVariable() {
		StandardEnvironment environment = environment(Map.of("OTEL_TRACES_SAMPLER_ARG", "1.5"), null);
		OriginLookup<String> source = (OriginLookup<String>) environment.getPropertySources()
			.get(OtelEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		assertThat(source.getOrigin("tracing.sampling.ratio")).hasToString("environment variable OTEL_TRACES_SAMPLER_ARG");
	}

	private static String serviceName(Map<String, String> variables, String systemProperty) {
		StandardEnvironment environment = environment(variables, systemProperty);
		return Binder.get(environment).bind("tracing.service-name", Bindable.of(String.class)).orElse(null);
	}

	private static StandardEnvironment environment(Map<String, String> variables, String systemProperty) {
		StandardEnvironment environment = new StandardEnvironment();
		var sources = environment.getPropertySources();
		sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
		sources.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
				new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
						(systemProperty != null) ? Map.of("tracing.service-name", systemProperty) : Map.of()));
		// Config data (application.yml) is added after the system environment, as Spring Boot does.
		sources.addLast(new MapPropertySource("application.yml", Map.of("tracing.service-name", "from-yml")));
		new OtelEnvironmentPostProcessor().postProcessEnvironment(environment, null);
		ConfigurationPropertySources.attach(environment);
		return environment;
	}

	private static Map<String, String> values(Map<String, OtelEnvironmentVariables.Mapped> mapped) {
		Map<String, String> values = new LinkedHashMap<>();
		mapped.forEach((key, value) -> values.put(key, value.value()));
		return values;
	}

}
