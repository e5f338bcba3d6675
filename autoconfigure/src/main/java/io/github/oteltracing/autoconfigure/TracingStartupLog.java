package io.github.oteltracing.autoconfigure;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Logs one INFO line once the application's beans exist, saying what tracing does: the
 * service name, where spans go and how they are sampled. It names no header and no
 * credential.
 */
final class TracingStartupLog implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(TracingStartupLog.class);

	private final Supplier<String> line;

	/**
	 * Creates the log.
	 * @param line the line, made when it is logged
	 */
	public TracingStartupLog(Supplier<String> line) {
		this.line = line;
	}

	/**
	 * The line.
	 * @param serviceName the {@code service.name} of the resource
	 * @param exporters where spans go, such as
	 * {@code OTLP http/protobuf to http://collector:4318/v1/traces (gzip)}
	 * @param sampler the sampler, such as {@code parent-based-ratio 1.0}
	 * @return the line to log
	 */
	public static String line(String serviceName, String exporters, String sampler) {
		return "Tracing: service '" + serviceName + "', " + exporters + ", sampler " + sampler;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (logger.isInfoEnabled()) {
			logger.info(this.line.get());
		}
	}

}
