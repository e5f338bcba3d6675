package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;
import io.github.oteltracing.internal.traced.TracedAdvisors;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.aop.Advisor;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Traces {@link Traced @Traced} methods with a Spring AOP advisor. Works with any
 * auto-proxy creator, and registers the infrastructure one if the application has none,
 * so neither AspectJ nor {@code spring.aop.auto} is needed. Backs off without an
 * {@link OpenTelemetry} bean (the starter's SDK auto-configuration excluded): the methods
 * then run untraced.
 */
@AutoConfiguration(after = { AopAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class },
		afterName = { SpringBootAutoConfigurations.OPEN_TELEMETRY_3, SpringBootAutoConfigurations.OPEN_TELEMETRY_4 })
@ConditionalOnClass(Advisor.class)
@ConditionalOnTracingEnabled
@ConditionalOnBean(OpenTelemetry.class)
@Import(TracedAutoConfiguration.AutoProxyRegistrar.class)
public final class TracedAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor tracedMethodAdvisor(ObjectProvider<OpenTelemetry> openTelemetry) {
		return TracedAdvisors.create(openTelemetry);
	}

	static class AutoProxyRegistrar implements ImportBeanDefinitionRegistrar {

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
		}

	}

}
