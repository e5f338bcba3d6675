package io.github.oteltracing.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter prepares the environment through listeners that every Spring Boot
 * generation runs (4.2 no longer runs {@code org.springframework.boot.env}'s
 * environment post-processors), after config data and before logging and the first
 * bean: a real {@link SpringApplication} with {@code OTEL_*} variables, a config file
 * and a command-line argument, seen from the earliest bean there is, a bean factory
 * post-processor.
 */
class EnvironmentPreparationOrderTests {

	private static final String EXPORTER_LOGGER = "io.opentelemetry.exporter.internal.http.HttpExporter";

	@Test
	void mappingIsInPlaceBeforeLoggingAndTheFirstBean() {
		SpringApplication application = new SpringApplication(FirstBeanConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environmentWithVariables(Map.of("OTEL_SERVICE_NAME", "from-otel",
				"OTEL_TRACES_SAMPLER_ARG", "0.25", "OTEL_BSP_MAX_QUEUE_SIZE", "64")));
		try (ConfigurableApplicationContext context = application.run(
				"--spring.config.location=classpath:io/github/oteltracing/env/environment-order.properties",
				"--tracing.exporter.batch.max-queue-size=128", "--tracing.logging.mdc=false",
				"--spring.main.banner-mode=off")) {
			Map<String, Object> seen = FirstBeanConfiguration.seen;
			// DESIGN section 4: OTEL_* beat config data and lose to the command line.
			assertThat(seen).containsEntry("tracing.service-name", "from-otel")
				.containsEntry("tracing.sampling.ratio", "0.25")
				.containsEntry("tracing.exporter.batch.max-queue-size", "128")
				// Defaults and log levels were there when logging was initialized.
				.containsEntry("management.tracing.enabled", "true")
				.containsEntry(EXPORTER_LOGGER, LogLevel.OFF);
		}
	}

	@Test
	void nothingIsRegisteredAsAnEnvironmentPostProcessorOfSpringBoot3() {
		@SuppressWarnings("removal")
		List<String> registered = SpringFactoriesLoader.loadFactoryNames(EnvironmentPostProcessor.class,
				getClass().getClassLoader());
		assertThat(registered).noneMatch((name) -> name.startsWith("io.github.oteltracing."));
	}

	private static ConfigurableEnvironment environmentWithVariables(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment() {

			@Override
			protected void customizePropertySources(MutablePropertySources propertySources) {
				super.customizePropertySources(propertySources);
				propertySources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								new HashMap<>(variables)));
			}

		};
		return environment;
	}

	@Configuration(proxyBeanMethods = false)
	static class FirstBeanConfiguration {

		static Map<String, Object> seen = new HashMap<>();

		@Bean
		static BeanFactoryPostProcessor firstBean(Environment environment) {
			seen = new HashMap<>();
			for (String key : List.of("tracing.service-name", "tracing.sampling.ratio",
					"tracing.exporter.batch.max-queue-size", "management.tracing.enabled")) {
				seen.put(key, environment.getProperty(key));
			}
			LoggerConfiguration logger = LoggingSystem.get(FirstBeanConfiguration.class.getClassLoader())
				.getLoggerConfiguration(EXPORTER_LOGGER);
			seen.put(EXPORTER_LOGGER, (logger != null) ? logger.getEffectiveLevel() : "not configured");
			return (beanFactory) -> {
			};
		}

	}

}
