package io.github.oteltracing.internal.propagation;

import java.util.ArrayList;
import java.util.List;

import io.github.oteltracing.internal.boot.SpringBootAutoConfigurations;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Chooses the propagators the SDK uses: the starter's (or the application's own)
 * {@link TextMapPropagator} beans, but not the ones Spring Boot's Micrometer tracing
 * defines unconditionally when actuator is present, which would otherwise inject a second
 * configuration of headers.
 */
public final class ApplicationPropagators {

	private ApplicationPropagators() {
	}

	/**
	 * Combines the chosen propagators in bean order.
	 * @param beanFactory the bean factory
	 * @return the propagators; no-op if there are none
	 */
	public static ContextPropagators select(ConfigurableListableBeanFactory beanFactory) {
		List<TextMapPropagator> chosen = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(TextMapPropagator.class)) {
			if (!isSpringBootTracing(beanFactory, name)) {
				chosen.add(beanFactory.getBean(name, TextMapPropagator.class));
			}
		}
		return switch (chosen.size()) {
			case 0 -> ContextPropagators.noop();
			case 1 -> ContextPropagators.create(chosen.get(0));
			default -> ContextPropagators.create(TextMapPropagator.composite(chosen));
		};
	}

	private static boolean isSpringBootTracing(ConfigurableListableBeanFactory beanFactory, String name) {
		if (!beanFactory.containsBeanDefinition(name)) {
			return false;
		}
		BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
		String factoryBean = definition.getFactoryBeanName();
		Class<?> factoryType = (factoryBean != null) ? beanFactory.getType(factoryBean) : null;
		if (factoryType == null) {
			return false;
		}
		return SpringBootAutoConfigurations.isTracing(factoryType.getName());
	}

}
