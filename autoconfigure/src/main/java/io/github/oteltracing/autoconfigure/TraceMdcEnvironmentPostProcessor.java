package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.boot.EnvironmentPreparedOrder;
import io.github.oteltracing.logging.TraceMdc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Installs {@link TraceMdc} while the environment is prepared: the earliest moment the
 * settings are known, and before anything can have used the OpenTelemetry context.
 */
class TraceMdcEnvironmentPostProcessor implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		postProcessEnvironment(event.getEnvironment(), event.getSpringApplication());
	}

	void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (isOn(environment, "tracing.enabled") && isOn(environment, "tracing.logging.mdc")
				&& ClassUtils.isPresent("org.slf4j.MDC", application.getClassLoader())) {
			TraceMdc.install();
		}
	}

	private static boolean isOn(ConfigurableEnvironment environment, String property) {
		// A malformed value is reported by binding later, with a proper failure analysis.
		String value = environment.getProperty(property);
		return value == null || !"false".equalsIgnoreCase(value.strip());
	}

	@Override
	public int getOrder() {
		return EnvironmentPreparedOrder.TRACE_MDC;
	}

}
