package io.github.oteltracing.internal.sdk;

import java.net.InetAddress;
import java.util.Map;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.semconv.ServiceAttributes;

/**
 * Builds the resource that describes the service on every span.
 */
public final class ServiceResource {

	// Incubating in io.opentelemetry.semconv (alpha artifact), so defined here.
	static final AttributeKey<String> DEPLOYMENT_ENVIRONMENT_NAME = AttributeKey.stringKey("deployment.environment.name");

	static final AttributeKey<String> HOST_NAME = AttributeKey.stringKey("host.name");

	static final AttributeKey<Long> PROCESS_PID = AttributeKey.longKey("process.pid");

	static final String UNKNOWN_SERVICE = "unknown_service:java";

	private ServiceResource() {
	}

	/**
	 * Creates the resource: the SDK's defaults ({@code telemetry.sdk.*}), host and process,
	 * the extra attributes, then the service's identity, which wins over the extra
	 * attributes.
	 * @param serviceName the configured service name, or {@code null}
	 * @param applicationName {@code spring.application.name}, or {@code null}
	 * @param serviceVersion the configured version, or {@code null}
	 * @param buildVersion the version from build-info, or {@code null}
	 * @param environment the deployment environment, or {@code null}
	 * @param extraAttributes extra resource attributes
	 * @return the resource
	 */
	public static Resource create(String serviceName, String applicationName, String serviceVersion,
			String buildVersion, String environment, Map<String, String> extraAttributes) {
		AttributesBuilder attributes = Attributes.builder();
		attributes.put(HOST_NAME, hostName());
		attributes.put(PROCESS_PID, ProcessHandle.current().pid());
		extraAttributes.forEach((key, value) -> {
			if (key != null && !key.isBlank() && value != null) {
				attributes.put(key.strip(), value);
			}
		});
		String name = firstText(serviceName, extraAttributes.get(ServiceAttributes.SERVICE_NAME.getKey()),
				applicationName, UNKNOWN_SERVICE);
		attributes.put(ServiceAttributes.SERVICE_NAME, name);
		String version = firstText(serviceVersion, extraAttributes.get(ServiceAttributes.SERVICE_VERSION.getKey()),
				buildVersion);
		if (version != null) {
			attributes.put(ServiceAttributes.SERVICE_VERSION, version);
		}
		if (hasText(environment)) {
			attributes.put(DEPLOYMENT_ENVIRONMENT_NAME, environment);
		}
		return Resource.getDefault().merge(Resource.create(attributes.build()));
	}

	private static String hostName() {
		// The container or VM's own name is cheaper and more useful than a reverse lookup.
		String fromEnvironment = System.getenv("HOSTNAME");
		if (hasText(fromEnvironment)) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			return "localhost";
		}
	}

	private static String firstText(String... candidates) {
		for (String candidate : candidates) {
			if (hasText(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
