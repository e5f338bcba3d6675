package io.github.oteltracing.internal.logging;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.oteltracing.logging.TraceMdc;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Turns {@link TraceMdc} on for the life of an application context, and says so once if
 * the OpenTelemetry context was used before it could be installed.
 */
public final class TraceMdcRegistration implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(TraceMdcRegistration.class);

	private static final AtomicBoolean warned = new AtomicBoolean();

	private boolean active;

	@Override
	public void afterPropertiesSet() {
		// Also covers contexts started without SpringApplication (tests).
		TraceMdc.install();
		TraceMdcHook.attachToLogging();
		if (!TraceMdc.isInstalled() && warned.compareAndSet(false, true)) {
			logger.warn("tracing.logging.mdc: the OpenTelemetry context was used before the starter could hook into "
					+ "it, so trace ids will not reach the logging MDC. Start the application with SpringApplication, "
					+ "or call TraceMdc.install() first thing in main().");
		}
		TraceMdcHook.activate();
		this.active = true;
	}

	/**
	 * Whether span ids reach the MDC.
	 * @return {@code true} once registered with an installed storage wrapper
	 */
	public boolean isEffective() {
		return this.active && TraceMdc.isInstalled();
	}

	@Override
	public void destroy() {
		if (this.active) {
			this.active = false;
			TraceMdcHook.deactivate();
		}
	}

}
