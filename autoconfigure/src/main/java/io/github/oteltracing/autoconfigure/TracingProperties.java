package io.github.oteltracing.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Switch, identity and resource of the traced service.
 */
@ConfigurationProperties("tracing")
public class TracingProperties {

	/**
	 * Whether tracing is enabled. When false there is no SDK, no aspect and no
	 * instrumentation, and Spring Boot's own Micrometer tracing is switched off too.
	 */
	private boolean enabled = true;

	/**
	 * Logical name of the service (resource attribute service.name). Defaults to
	 * spring.application.name, else unknown_service:java.
	 */
	private String serviceName;

	/**
	 * Version of the service (resource attribute service.version). Defaults to the
	 * version in build-info when present.
	 */
	private String serviceVersion;

	/**
	 * Deployment environment, for example production or staging (resource attribute
	 * deployment.environment.name).
	 */
	private String environment;

	/**
	 * Whether to also register the SDK as GlobalOpenTelemetry, for libraries that read
	 * it. Off by default so that several application contexts can live in one JVM.
	 */
	private boolean registerGlobal;

	private final Resource resource = new Resource();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getServiceName() {
		return this.serviceName;
	}

	public void setServiceName(String serviceName) {
		this.serviceName = serviceName;
	}

	public String getServiceVersion() {
		return this.serviceVersion;
	}

	public void setServiceVersion(String serviceVersion) {
		this.serviceVersion = serviceVersion;
	}

	public String getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(String environment) {
		this.environment = environment;
	}

	public boolean isRegisterGlobal() {
		return this.registerGlobal;
	}

	public void setRegisterGlobal(boolean registerGlobal) {
		this.registerGlobal = registerGlobal;
	}

	public Resource getResource() {
		return this.resource;
	}

	public static class Resource {

		/**
		 * Extra resource attributes, for example k8s.cluster.name. host.name,
		 * process.pid and telemetry.sdk.* are always set.
		 */
		private Map<String, String> attributes = new LinkedHashMap<>();

		public Map<String, String> getAttributes() {
			return this.attributes;
		}

		public void setAttributes(Map<String, String> attributes) {
			this.attributes = attributes;
		}

	}

}
