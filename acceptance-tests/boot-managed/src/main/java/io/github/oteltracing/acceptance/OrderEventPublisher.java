package io.github.oteltracing.acceptance;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.opentelemetry.api.trace.SpanKind;

import org.springframework.stereotype.Component;

@Component
public class OrderEventPublisher {

	/**
	 * Explicit name, kind and static attributes.
	 */
	@Traced(name = "publish order-placed", kind = SpanKind.PRODUCER,
			attributes = { "messaging.system=in-memory", "messaging.destination.name=orders" })
	public void publishOrderPlaced(@SpanAttribute("order.id") String orderId) {
	}

}
