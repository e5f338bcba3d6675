package io.github.oteltracing.sample.inventory;

import io.github.oteltracing.test.AutoConfigureTracingCapture;
import io.github.oteltracing.test.CapturedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ErrorAttributes;
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
 * The spans of a stock lookup: the request's server span and the catalog's traced method
 * under it, with the business attributes the demo's traces show.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=inventory-service", "server.address=127.0.0.1" })
@AutoConfigureTracingCapture
class InventoryTracingTests {

	private static final AttributeKey<String> PRODUCT_SKU = AttributeKey.stringKey("product.sku");

	private static final AttributeKey<Long> STOCK_AVAILABLE = AttributeKey.longKey("stock.available");

	private static final AttributeKey<String> PRICE_SOURCE = AttributeKey.stringKey("price.source");

	@Autowired
	CapturedSpans spans;

	@LocalServerPort
	int port;

	@Test
	void stockLookupIsAServerSpanWithTheCatalogCountUnderIt() {
		get("/stock/" + Catalog.MUG);
		SpanData server = this.spans.awaitSpan("GET /stock/{sku}");
		assertThat(server).hasKind(SpanKind.SERVER)
			.hasNoParent()
			.hasAttribute(HttpAttributes.HTTP_ROUTE, "/stock/{sku}")
			.hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L);
		assertThat(this.spans.awaitSpan("count-stock")).hasKind(SpanKind.INTERNAL)
			.hasParent(server)
			.hasAttribute(PRODUCT_SKU, Catalog.MUG)
			.hasAttribute(STOCK_AVAILABLE, 40L);
	}

	@Test
	void priceQuoteSaysWhereThePriceCameFrom() {
		get("/prices/" + Catalog.BEANS);
		SpanData server = this.spans.awaitSpan("GET /prices/{sku}");
		assertThat(this.spans.awaitSpan("quote-price")).hasParent(server)
			.hasAttribute(PRODUCT_SKU, Catalog.BEANS)
			.hasAttribute(PRICE_SOURCE, "catalog");
	}

	@Test
	void unknownProductFailsTheCatalogSpanButNotTheServerSpan() {
		assertThatThrownBy(() -> get("/stock/NO-SUCH-SKU")).isInstanceOf(HttpClientErrorException.NotFound.class);
		SpanData server = this.spans.awaitSpan("GET /stock/{sku}");
		// A 404 is the client's error: the server span stays UNSET; the method that threw is ERROR.
		assertThat(server).hasAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 404L)
			.hasStatusSatisfying((status) -> status.hasCode(StatusCode.UNSET));
		assertThat(this.spans.awaitSpan("count-stock")).hasParent(server)
			.hasStatusSatisfying((status) -> status.hasCode(StatusCode.ERROR))
			.hasAttribute(ErrorAttributes.ERROR_TYPE, UnknownProductException.class.getName());
	}

	private void get(String path) {
		RestClient.create("http://127.0.0.1:" + this.port).get().uri(path).retrieve().toBodilessEntity();
	}

}
