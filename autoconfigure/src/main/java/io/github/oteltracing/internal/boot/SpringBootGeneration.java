package io.github.oteltracing.internal.boot;

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

	/**
	 * Spring Boot's callbacks that customize parts of its tracing SDK; the starter's SDK
	 * replaces those parts and applies the callbacks to its own.
	 */
	public enum Callback {

		/**
		 * {@code SdkTracerProviderBuilderCustomizer}.
		 */
		SDK_TRACER_PROVIDER_BUILDER("org.springframework.boot.actuate.autoconfigure.tracing.SdkTracerProviderBuilderCustomizer",
				"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SdkTracerProviderBuilderCustomizer"),

		/**
		 * {@code OtlpHttpSpanExporterBuilderCustomizer}.
		 */
		OTLP_HTTP_SPAN_EXPORTER_BUILDER(
				"org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpHttpSpanExporterBuilderCustomizer",
				"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpHttpSpanExporterBuilderCustomizer"),

		/**
		 * {@code OtlpGrpcSpanExporterBuilderCustomizer}.
		 */
		OTLP_GRPC_SPAN_EXPORTER_BUILDER(
				"org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpGrpcSpanExporterBuilderCustomizer",
				"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpGrpcSpanExporterBuilderCustomizer");

		private final String boot3;

		private final String boot4;

		Callback(String boot3, String boot4) {
			this.boot3 = boot3;
			this.boot4 = boot4;
		}

	}

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
	 * One of Spring Boot's callback interfaces for its tracing SDK, which the starter
	 * applies to its own SDK.
	 * @param callback the callback
	 * @param classLoader the application's class loader
	 * @return the interface, or {@code null} where Spring Boot's tracing support is absent
	 */
	public Class<?> callback(Callback callback, ClassLoader classLoader) {
		String name = (this == BOOT_3) ? callback.boot3 : callback.boot4;
		return ClassUtils.isPresent(name, classLoader) ? ClassUtils.resolveClassName(name, classLoader) : null;
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
