package io.github.oteltracing.archfixtures.autoconfigure;

import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Breaks "only boot names Spring Boot types that differ between generations".
 */
public class WiringThatNamesBoot3Health {

	HealthIndicator indicator;

}
