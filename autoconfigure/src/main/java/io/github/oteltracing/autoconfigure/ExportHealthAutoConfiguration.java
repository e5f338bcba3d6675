package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.boot.SpringBoot3UpIndicator;
import io.github.oteltracing.internal.boot.SpringBootHealth;
import io.github.oteltracing.internal.boot.SpringBootTypes;
import io.github.oteltracing.internal.exporter.SpanExportMonitor;
import io.github.oteltracing.internal.health.SpanExportHealth;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The {@code tracing} health contributor, where Spring Boot's health support is present
 * (actuator on 3.x, {@code spring-boot-health} on 4.x): the state of the span export,
 * always {@code UP}. Off with {@code management.health.tracing.enabled=false}.
 */
@AutoConfiguration(after = SpanExportAutoConfiguration.class)
@ConditionalOnBean(SpanExportMonitor.class)
@Conditional(OnTracingHealthIndicatorEnabledCondition.class)
public final class ExportHealthAutoConfiguration {

	static final String BEAN_NAME = "tracingHealthIndicator";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = SpringBootHealth.BOOT_3_HEALTH_INDICATOR)
	static class Boot3HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = BEAN_NAME)
		SpringBoot3UpIndicator tracingHealthIndicator(SpanExportMonitor monitor) {
			return new SpringBoot3UpIndicator(() -> SpanExportHealth.details(monitor));
		}

	}

	/**
	 * Spring Boot 4's health API is not the one the starter is compiled against, so the
	 * bean is registered with its type and made through reflection.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = SpringBootHealth.BOOT_4_HEALTH_INDICATOR)
	@Import(Boot4HealthIndicatorRegistrar.class)
	static class Boot4HealthConfiguration {

	}

	static class Boot4HealthIndicatorRegistrar extends SpringBootTypedBeanRegistrar {

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			SpringBootTypes.register(registry, BEAN_NAME, SpringBootHealth.boot4HealthIndicator(classLoader()),
					Boot4HealthIndicatorRegistrar.class, "tracingHealthIndicator");
		}

		static Object tracingHealthIndicator(SpanExportMonitor monitor, BeanFactory beanFactory) {
			return SpringBootHealth.boot4UpIndicator(SpringBootTypes.classLoader(beanFactory),
					() -> SpanExportHealth.details(monitor));
		}

	}

}
