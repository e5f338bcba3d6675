package io.github.oteltracing.sdk;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Registers the application's SDK as {@link GlobalOpenTelemetry} while the context
 * lives, for libraries that only read the global instance.
 */
public final class GlobalOpenTelemetryRegistration implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(GlobalOpenTelemetryRegistration.class);

	private final OpenTelemetry openTelemetry;

	private boolean registered;

	public GlobalOpenTelemetryRegistration(OpenTelemetry openTelemetry) {
		this.openTelemetry = openTelemetry;
	}

	@Override
	public void afterPropertiesSet() {
		try {
			GlobalOpenTelemetry.set(this.openTelemetry);
			this.registered = true;
		}
		catch (IllegalStateException ex) {
			// Another context (or an agent) registered first: keep running with our own SDK.
			logger.warn("GlobalOpenTelemetry was already set; tracing.register-global has no effect: " + ex.getMessage());
		}
	}

	/**
	 * Whether this registration succeeded.
	 */
	public boolean isRegistered() {
		return this.registered;
	}

	@Override
	public void destroy() {
		if (this.registered) {
			// The API has no other way to unset it; without this, a later context could not register.
			GlobalOpenTelemetry.resetForTest();
		}
	}

}
