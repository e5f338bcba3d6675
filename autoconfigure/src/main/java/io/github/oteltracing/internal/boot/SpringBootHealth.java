package io.github.oteltracing.internal.boot;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Health indicators for Spring Boot 4, whose health API moved to
 * {@code org.springframework.boot.health.contributor} (module {@code spring-boot-health});
 * the starter is compiled against Spring Boot 3's.
 */
public final class SpringBootHealth {

	/**
	 * Spring Boot 3's {@code HealthIndicator} (actuator).
	 */
	public static final String BOOT_3_HEALTH_INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";

	/**
	 * Spring Boot 4's {@code HealthIndicator}.
	 */
	public static final String BOOT_4_HEALTH_INDICATOR = "org.springframework.boot.health.contributor.HealthIndicator";

	static final String BOOT_4_HEALTH = "org.springframework.boot.health.contributor.Health";

	private SpringBootHealth() {
	}

	/**
	 * Spring Boot 4's {@code HealthIndicator} interface.
	 * @param classLoader the application's class loader
	 * @return the interface
	 */
	public static Class<?> boot4HealthIndicator(ClassLoader classLoader) {
		return ClassUtils.resolveClassName(BOOT_4_HEALTH_INDICATOR, classLoader);
	}

	/**
	 * A Spring Boot 4 health indicator that is always {@code UP}.
	 * @param classLoader the application's class loader
	 * @param details the details, read on each health check
	 * @return the health indicator
	 */
	public static Object boot4UpIndicator(ClassLoader classLoader, Supplier<Map<String, Object>> details) {
		Class<?> indicatorType = boot4HealthIndicator(classLoader);
		Class<?> healthType = ClassUtils.resolveClassName(BOOT_4_HEALTH, classLoader);
		// Resolved up front, so that a changed Spring Boot API fails at start-up, not per check.
		Method up = ClassUtils.getMethod(healthType, "up");
		Method withDetails = ClassUtils.getMethod(up.getReturnType(), "withDetails", Map.class);
		Method build = ClassUtils.getMethod(up.getReturnType(), "build");
		Method health = ClassUtils.getMethod(indicatorType, "health");
		return SpringBootTypes.implement(indicatorType, health, (args) -> {
			Object builder = ReflectionUtils.invokeMethod(up, null);
			ReflectionUtils.invokeMethod(withDetails, builder, details.get());
			return ReflectionUtils.invokeMethod(build, builder);
		});
	}

}
