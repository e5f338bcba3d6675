package io.github.oteltracing.aot;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Confirms an order on another thread: its span is still a child of the request's.
 */
@Component
class Notifier {

	@Async
	@Traced
	public void sendConfirmation(@SpanAttribute("order.id") String orderId) {
	}

}
