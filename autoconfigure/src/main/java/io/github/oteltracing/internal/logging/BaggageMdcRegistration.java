package io.github.oteltracing.internal.logging;

import java.util.List;

import io.github.oteltracing.logging.TraceMdc;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Puts baggage correlation fields into the MDC for the life of an application context,
 * through the same hook as the trace ids ({@link TraceMdc}).
 */
public final class BaggageMdcRegistration implements InitializingBean, DisposableBean {

	private final List<String> fields;

	private boolean active;

	/**
	 * Creates the registration.
	 * @param fields the baggage entries to show in the MDC
	 */
	public BaggageMdcRegistration(List<String> fields) {
		this.fields = List.copyOf(fields);
	}

	@Override
	public void afterPropertiesSet() {
		MdcBaggage.register(this.fields);
		this.active = true;
	}

	@Override
	public void destroy() {
		if (this.active) {
			this.active = false;
			MdcBaggage.deregister(this.fields);
		}
	}

}
