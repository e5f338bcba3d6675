package io.github.oteltracing.boot;

import org.springframework.util.ClassUtils;

/**
 * The Spring Boot generation an application runs on. The starter is compiled against
 * Spring Boot 3.5 and runs on 4.0 as well; the few Spring Boot names that 4.0 changed
 * and that are needed at run time are answered here, so that the rest of the starter
 * does not need to know which generation it is on.
 */
public enum SpringBootGeneration {

	/**
	 * Spring Boot 3.x.
	 */
	BOOT_3("management.tracing.enabled", "org.springframework.boot.web.client.RestTemplateCustomizer"),

	/**
	 * Spring Boot 4.x, split into modules: its tracing and HTTP client support moved to
	 * modules and packages of their own.
	 */
	BOOT_4("management.tracing.export.enabled", "org.springframework.boot.restclient.RestTemplateCustomizer");

	// New in 4.0, which keeps the 3.x interface of the same simple name as a deprecated alias.
	private static final String BOOT_4_ONLY_TYPE = "org.springframework.boot.EnvironmentPostProcessor";

	private final String tracingExportProperty;

	private final String restTemplateCustomizer;

	SpringBootGeneration(String tracingExportProperty, String restTemplateCustomizer) {
		this.tracingExportProperty = tracingExportProperty;
		this.restTemplateCustomizer = restTemplateCustomizer;
	}

	/**
	 * The generation of the Spring Boot that the class loader sees.
	 * @param classLoader the application's class loader, or {@code null} for the default
	 * @return the generation
	 */
	public static SpringBootGeneration of(ClassLoader classLoader) {
		return ClassUtils.isPresent(BOOT_4_ONLY_TYPE, classLoader) ? BOOT_4 : BOOT_3;
	}

	/**
	 * The property that switches the export of Spring Boot's own tracing on or off.
	 * @return the property name
	 */
	public String tracingExportProperty() {
		return this.tracingExportProperty;
	}

	/**
	 * Spring Boot's {@code RestTemplateCustomizer}, applied by its
	 * {@code RestTemplateBuilder}.
	 * @param classLoader the application's class loader
	 * @return the interface, or {@code null} without Spring Boot's RestTemplate support
	 * (on 4.x it comes with {@code spring-boot-restclient})
	 */
	public Class<?> restTemplateCustomizer(ClassLoader classLoader) {
		return ClassUtils.isPresent(this.restTemplateCustomizer, classLoader)
				? ClassUtils.resolveClassName(this.restTemplateCustomizer, classLoader) : null;
	}

}
