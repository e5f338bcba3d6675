package io.github.oteltracing.internal.boot;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * A Spring Boot 3 health indicator that is always {@code UP}, with details read on each
 * health check. Spring Boot 4's health API lives elsewhere ({@link SpringBootHealth}).
 */
public final class SpringBoot3UpIndicator implements HealthIndicator {

	private final Supplier<Map<String, Object>> details;

	/**
	 * Creates the indicator.
	 * @param details the details, read on each health check
	 */
	public SpringBoot3UpIndicator(Supplier<Map<String, Object>> details) {
		this.details = details;
	}

	@Override
	public Health health() {
		return Health.up().withDetails(this.details.get()).build();
	}

}
