package io.github.oteltracing.acceptance;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.stereotype.Service;

/**
 * Traced at type level: every public method gets a span named after the method and
 * {@code Invoice} ({@code InvoiceServiceImpl} without its suffixes).
 */
@Service
@Traced
public class InvoiceServiceImpl extends DocumentSupport implements InvoiceService {

	@Override
	public void send(@SpanAttribute("order.id") String orderId) {
	}

	@Override
	public String toString() {
		return "InvoiceServiceImpl";
	}

}
