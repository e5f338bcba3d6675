package io.github.oteltracing.autoconfigure;

import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;

/**
 * Customizes the tracer provider before it is built, for what the properties do not
 * cover (span limits, an id generator, extra processors). Beans of this type are applied
 * in order.
 */
@FunctionalInterface
public interface SdkTracerProviderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder, already holding resource, sampler and span processors
	 */
	void customize(SdkTracerProviderBuilder builder);

}
