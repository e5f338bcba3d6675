package io.github.oteltracing.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tracing of {@code @Scheduled} methods.
 */
@ConfigurationProperties("tracing.scheduling")
public class SchedulingTracingProperties {

	/**
	 * Whether each run of a @Scheduled method is a root INTERNAL span named like a
	 * @Traced method.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
