package io.github.oteltracing.sample.order;

import io.github.oteltracing.test.AutoConfigureTracingCapture;
import io.github.oteltracing.test.CapturedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThatThrownBy;

/**
 * The spans of an order lookup, from the request down to the database: the server span,
 * the traced repository method and one client span per SQL statement under it.
 * (Placing an order needs the other two services: the demo module's end-to-end tests
 * cover it.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=order-service", "server.address=127.0.0.1" })
@AutoConfigureTracingCapture
class OrderTracingTests {

	private static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("order.id");

	@Autowired
	CapturedSpans spans;

	@LocalServerPort
	int port;

	@Test
	void orderLookupGoesFromTheRequestToTheDatabase() {
		assertThatThrownBy(() -> get("/orders/order-404")).isInstanceOf(HttpClientErrorException.NotFound.class);
		SpanData server = this.spans.awaitSpan("GET /orders/{id}");
		SpanData find = this.spans.awaitSpan("find-order");
		assertThat(server).hasKind(SpanKind.SERVER)
			.hasNoParent()
			.hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 404L);
		assertThat(find).hasKind(SpanKind.INTERNAL).hasParent(server).hasAttribute(ORDER_ID, "order-404");
		assertThat(this.spans.children(find)).extracting(SpanData::getName)
			.containsExactly("SELECT order_lines", "SELECT orders");
		assertThat(this.spans.awaitSpan("SELECT orders")).hasKind(SpanKind.CLIENT)
			.hasParent(find)
			.hasAttribute(DbAttributes.DB_SYSTEM_NAME, "h2database")
			.hasAttribute(DbAttributes.DB_QUERY_TEXT, "select * from orders where id = ?");
	}

	private void get(String path) {
		RestClient.create("http://127.0.0.1:" + this.port).get().uri(path).retrieve().toBodilessEntity();
	}

}
