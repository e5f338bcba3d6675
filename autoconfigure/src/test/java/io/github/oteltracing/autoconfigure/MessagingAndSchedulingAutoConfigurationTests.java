package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.kafka.KafkaTracingPostProcessor;
import io.github.oteltracing.internal.scheduling.ScheduledTaskTracingConfigurer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka and {@code @Scheduled} switches, through the registered auto-configurations.
 */
class MessagingAndSchedulingAutoConfigurationTests {

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner()
		.withPropertyValues("tracing.exporter.type=none")
		.withUserConfiguration(Scheduling.class);

	@Test
	void kafkaAndScheduledWorkAreTracedByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(KafkaTracingPostProcessor.class);
			assertThat(context).hasSingleBean(ScheduledTaskTracingConfigurer.class);
		});
	}

	@Test
	void tracingDisabledTurnsBothOff() {
		this.runner.withPropertyValues("tracing.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(KafkaTracingPostProcessor.class);
			assertThat(context).doesNotHaveBean(ScheduledTaskTracingConfigurer.class);
		});
	}

	@Test
	void eachHasItsOwnSwitch() {
		this.runner.withPropertyValues("tracing.kafka.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(KafkaTracingPostProcessor.class);
			assertThat(context).hasSingleBean(ScheduledTaskTracingConfigurer.class);
		});
		this.runner.withPropertyValues("tracing.scheduling.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(KafkaTracingPostProcessor.class);
			assertThat(context).doesNotHaveBean(ScheduledTaskTracingConfigurer.class);
		});
	}

	@Test
	void withoutSpringKafkaThereIsNoKafkaTracing() {
		this.runner.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaTracingPostProcessor.class));
	}

	@Test
	void withoutSchedulingThereIsNoSchedulingTracing() {
		TracingAutoConfigurationsSupport.runner()
			.withPropertyValues("tracing.exporter.type=none")
			.run((context) -> assertThat(context).doesNotHaveBean(ScheduledTaskTracingConfigurer.class));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Scheduling {

	}

}
