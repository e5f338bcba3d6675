package io.github.oteltracing.internal.sdk;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Shuts the tracer provider down with the application context: spans that ended before
 * are flushed, waiting at most the export timeout so that a dead collector cannot hold
 * up the shutdown.
 */
public final class TracerProviderShutdown implements DisposableBean {

	private static final Log logger = LogFactory.getLog(TracerProviderShutdown.class);

	private final SdkTracerProvider tracerProvider;

	private final Duration timeout;

	/**
	 * Creates the shutdown.
	 * @param tracerProvider the tracer provider to shut down
	 * @param timeout the longest the shutdown waits for the flush
	 */
	public TracerProviderShutdown(SdkTracerProvider tracerProvider, Duration timeout) {
		this.tracerProvider = tracerProvider;
		this.timeout = timeout;
	}

	@Override
	public void destroy() {
		CompletableResultCode result = this.tracerProvider.shutdown().join(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (!result.isSuccess()) {
			logger.warn("Tracing shut down before all spans were exported (limit " + this.timeout + ")");
		}
	}

}
