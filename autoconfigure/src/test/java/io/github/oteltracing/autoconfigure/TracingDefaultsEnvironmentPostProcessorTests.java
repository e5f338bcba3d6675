package io.github.oteltracing.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Defaults the starter gives Spring Boot settings: Reactor's automatic context propagation
 * only where a reactive web application needs it, never over the application's own value.
 */
class TracingDefaultsEnvironmentPostProcessorTests {

	private static final String PROPAGATION = "spring.reactor.context-propagation";

	@Test
	void reactiveWebApplicationsPropagateContextInEveryOperator() {
		assertThat(postProcess(WebApplicationType.REACTIVE, Map.of()).getProperty(PROPAGATION)).isEqualTo("auto");
	}

	@Test
	void servletAndPlainApplicationsKeepSpringBootsDefault() {
		assertThat(postProcess(WebApplicationType.SERVLET, Map.of()).getProperty(PROPAGATION)).isNull();
		assertThat(postProcess(WebApplicationType.NONE, Map.of()).getProperty(PROPAGATION)).isNull();
	}

	@Test
	void webApplicationTypeSetAsPropertyDecides() {
		assertThat(postProcess(WebApplicationType.SERVLET, Map.of("spring.main.web-application-type", "reactive"))
			.getProperty(PROPAGATION)).isEqualTo("auto");
		assertThat(postProcess(WebApplicationType.REACTIVE, Map.of("spring.main.web-application-type", "SERVLET"))
			.getProperty(PROPAGATION)).isNull();
	}

	@Test
	void applicationsOwnValueWins() {
		assertThat(postProcess(WebApplicationType.REACTIVE, Map.of(PROPAGATION, "limited")).getProperty(PROPAGATION))
			.isEqualTo("limited");
	}

	@Test
	void tracingOffLeavesReactorAndLogPatternAlone() {
		StandardEnvironment environment = postProcess(WebApplicationType.REACTIVE, Map.of("tracing.enabled", "false"));
		assertThat(environment.getProperty(PROPAGATION)).isNull();
		assertThat(environment.getProperty("logging.pattern.correlation")).isNull();
		assertThat(environment.getProperty("management.tracing.enabled")).isEqualTo("false");
	}

	@Test
	void logLinesCarryTheIdsUnlessTheMdcIsOff() {
		assertThat(postProcess(WebApplicationType.SERVLET, Map.of()).getProperty("logging.pattern.correlation"))
			.isEqualTo(TracingDefaultsEnvironmentPostProcessor.LOGBACK_CORRELATION);
		assertThat(postProcess(WebApplicationType.SERVLET, Map.of("tracing.logging.mdc", "false"))
			.getProperty("logging.pattern.correlation")).isNull();
	}

	private static StandardEnvironment postProcess(WebApplicationType type, Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		SpringApplication application = new SpringApplication();
		application.setWebApplicationType(type);
		new TracingDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, application);
		return environment;
	}

}
