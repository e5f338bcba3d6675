package io.github.oteltracing.internal.traced;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpanNamesTests {

	@ParameterizedTest
	@CsvSource({ "reserveStock, StockService, reserve-stock", "authorize, PaymentService, authorize-payment",
			"send, InvoiceServiceImpl, send-invoice", "handle, OrderItemController, handle-order-item",
			"parseHTTPResponse, Parser, parse-http-response", "get, HTTPClient, get-http",
			"run, Service, run-service", "load_all, Repo, load-all", "save, OrderRepositoryImpl, save-order",
			"check, ManagerHandlerComponent, check-manager", "toV2Format, Converter, to-v2-format",
			"welcome, WelcomeController, welcome", "save, OwnerRepository, save-owner", "order, OrderItem, order-order-item" })
	void derivesVerbNounNames(String method, String type, String expected) {
		assertThat(SpanNames.derive(method, type)).isEqualTo(expected);
	}

}
