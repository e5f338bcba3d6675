package io.github.oteltracing.internal.sdk;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Registers the application's SDK as {@link GlobalOpenTelemetry} while the context
 * lives, for libraries that only read the global instance. Once the context is closed,
 * the global instance is a no-op until another context registers its SDK.
 */
public final class GlobalOpenTelemetryRegistration implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(GlobalOpenTelemetryRegistration.class);

	private final OpenTelemetry openTelemetry;

	private boolean registered;

	/**
	 * Creates the registration; it happens once the bean is initialized.
	 * @param openTelemetry the application's SDK
	 */
	public GlobalOpenTelemetryRegistration(OpenTelemetry openTelemetry) {
		this.openTelemetry = openTelemetry;
	}

	@Override
	public void afterPropertiesSet() {
		String refusal = GlobalOpenTelemetrySlot.INSTANCE.claim(this.openTelemetry);
		if (refusal != null) {
			// Another context (or an agent) registered first: keep running with our own SDK.
			logger.warn("tracing.register-global has no effect: " + refusal);
		}
		this.registered = (refusal == null);
	}

	/**
	 * Whether this registration succeeded.
	 * @return {@code false} if another SDK was registered first
	 */
	public boolean isRegistered() {
		return this.registered;
	}

	@Override
	public void destroy() {
		if (this.registered) {
			// The global instance stays the starter's slot, now free for a later context.
			GlobalOpenTelemetrySlot.INSTANCE.release(this.openTelemetry);
			this.registered = false;
		}
	}

}
