package io.github.oteltracing.acceptance;

public interface InvoiceService {

	void send(String orderId);

}
