package io.github.oteltracing.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oteltracing.internal.boot.EnvironmentPreparedOrder;
import io.github.oteltracing.internal.boot.SpringBootGeneration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults for Spring Boot settings that tracing depends on, at the lowest precedence so
 * that an application's own value always wins:
 * <ul>
 * <li>Spring Boot's Micrometer tracing follows {@code tracing.enabled}, so that
 * {@code tracing.enabled=false} silences it too;</li>
 * <li>in a reactive web application, Reactor propagates context automatically, so that
 * the OpenTelemetry context of a WebFlux request is current in every operator, on every
 * thread. Other applications keep Spring Boot's {@code limited} default: there the
 * context is current where their code runs (the request thread), the starter's
 * {@code WebClient} filter reads it from the Reactor context, and restoring thread locals
 * around every operator of every chain would only cost CPU (see docs/benchmarks.md);</li>
 * <li>log lines show the trace and span ids ({@code logging.pattern.correlation}), and
 * lines without a trace show nothing in their place.</li>
 * </ul>
 */
class TracingDefaultsEnvironmentPostProcessor implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String PROPERTY_SOURCE_NAME = "tracingDefaults";

	// "[trace_id,span_id] ", and nothing on a line without them (Logback has no conditional).
	static final String LOGBACK_CORRELATION = "%replace([%X{trace_id},%X{span_id}] ){'^\\[,\\] $',''}";

	static final String LOG4J2_CORRELATION = "%notEmpty{[%X{trace_id},%X{span_id}] }";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		postProcessEnvironment(event.getEnvironment(), event.getSpringApplication());
	}

	void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		boolean enabled = environment.getProperty("tracing.enabled", Boolean.class, true);
		Map<String, Object> defaults = new LinkedHashMap<>();
		// management.tracing.enabled on Spring Boot 3, management.tracing.export.enabled on 4.
		defaults.put(SpringBootGeneration.of(application.getClassLoader()).tracingExportProperty(), enabled);
		if (enabled) {
			if (webApplicationType(environment, application) == WebApplicationType.REACTIVE) {
				defaults.put("spring.reactor.context-propagation", "auto");
			}
			String correlation = correlationPattern(application);
			if (correlation != null && environment.getProperty("tracing.logging.mdc", Boolean.class, true)) {
				// Spring Boot's log correlation, from the ids the starter keeps in the MDC.
				defaults.put("logging.pattern.correlation", correlation);
			}
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	// The pattern syntax of the logging system Spring Boot will pick; none for others.
	private static String correlationPattern(SpringApplication application) {
		ClassLoader classLoader = (application != null) ? application.getClassLoader()
				: TracingDefaultsEnvironmentPostProcessor.class.getClassLoader();
		String system = LoggingSystem.get(classLoader).getClass().getSimpleName();
		return switch (system) {
			case "LogbackLoggingSystem" -> LOGBACK_CORRELATION;
			case "Log4J2LoggingSystem" -> LOG4J2_CORRELATION;
			default -> null;
		};
	}

	// spring.main.web-application-type is bound to the application only after this runs.
	private static WebApplicationType webApplicationType(ConfigurableEnvironment environment,
			SpringApplication application) {
		return Binder.get(environment)
			.bind("spring.main.web-application-type", WebApplicationType.class)
			.orElseGet(() -> (application != null) ? application.getWebApplicationType() : WebApplicationType.NONE);
	}

	@Override
	public int getOrder() {
		return EnvironmentPreparedOrder.TRACING_DEFAULTS;
	}

}
