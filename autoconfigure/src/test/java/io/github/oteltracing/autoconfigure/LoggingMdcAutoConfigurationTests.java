package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.logging.TraceMdcRegistration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingMdcAutoConfigurationTests {

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner()
		.withPropertyValues("tracing.exporter.type=none");

	@Test
	void putsIdsIntoTheMdcByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(TraceMdcRegistration.class);
			assertThat(context.getBean(LoggingProperties.class).isMdc()).isTrue();
			assertThat(context.getBean(TraceMdcRegistration.class).isEffective()).isTrue();
		});
	}

	@Test
	void mdcCanBeSwitchedOff() {
		this.runner.withPropertyValues("tracing.logging.mdc=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TraceMdcRegistration.class));
	}

	@Test
	void tracingDisabledDefinesNothing() {
		this.runner.withPropertyValues("tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(TraceMdcRegistration.class)
				.doesNotHaveBean(LoggingProperties.class));
	}

	@Test
	void withoutSlf4jDefinesNothing() {
		this.runner.withClassLoader(new FilteredClassLoader("org.slf4j"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TraceMdcRegistration.class));
	}

}
