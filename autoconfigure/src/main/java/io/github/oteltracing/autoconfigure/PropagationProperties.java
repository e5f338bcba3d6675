package io.github.oteltracing.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.oteltracing.propagation.PropagationType;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How trace context travels between services.
 */
@ConfigurationProperties("tracing.propagation")
public class PropagationProperties {

	/**
	 * Propagation formats: tracecontext (W3C), baggage (W3C), b3 (single header), b3multi
	 * (X-B3-* headers) or jaeger (uber-trace-id). All are injected; incoming requests are
	 * read with each of them. An empty list propagates nothing.
	 */
	private List<PropagationType> types = new ArrayList<>(List.of(PropagationType.TRACECONTEXT, PropagationType.BAGGAGE));

	public List<PropagationType> getTypes() {
		return this.types;
	}

	public void setTypes(List<PropagationType> types) {
		this.types = types;
	}

}
