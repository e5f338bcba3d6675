package io.github.oteltracing.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oteltracing.sample.inventory.InventoryServiceApplication;
import io.github.oteltracing.sample.order.OrderServiceApplication;
import io.github.oteltracing.sample.payment.PaymentServiceApplication;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three samples end to end: the real applications on loopback ports, exporting over
 * OTLP to a {@link TraceSink}. Each of the demo's scenarios is sent to the order service
 * and its whole trace is checked: one trace across the services, every span in its place,
 * errors where semantic conventions put them, the business attributes, and no card
 * number anywhere.
 */
class SamplesEndToEndTests {

	private static final Duration SPAN_WAIT = Duration.ofSeconds(20);

	// After the expected spans are in: long enough for a duplicate span to arrive too.
	private static final Duration SETTLE = Duration.ofMillis(300);

	private static final String HTTP_STATUS = HttpAttributes.HTTP_RESPONSE_STATUS_CODE.getKey();

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static TraceSink sink;

	private static ConfigurableApplicationContext inventory;

	private static ConfigurableApplicationContext payment;

	private static ConfigurableApplicationContext order;

	@BeforeAll
	static void startServices() {
		sink = TraceSink.startHttp(0);
		// One classpath for the three applications here: only the order service has a database.
		String noDatabase = "--spring.autoconfigure.exclude="
				+ "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration";
		inventory = run(InventoryServiceApplication.application(), noDatabase);
		payment = run(PaymentServiceApplication.application().sources(NettyServer.class), noDatabase);
		order = run(OrderServiceApplication.application(), "--services.inventory.url=" + url(inventory),
				"--services.payment.url=" + url(payment));
	}

	@AfterAll
	static void stopServices() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { order, payment,
				inventory }) {
			if (context != null) {
				context.close();
			}
		}
		if (sink != null) {
			sink.close();
		}
	}

	@Test
	void successfulOrderIsOneTraceAcrossTheThreeServices() throws Exception {
		Answer answer = post(Scenario.SUCCESS);
		assertThat(answer.status()).isEqualTo(201);
		List<ReceivedSpan> trace = awaitTrace(answer, 26);
		assertOutline(trace, """
				POST /orders [order-service server]
				  create-order [order-service]
				    check-inventory [order-service]
				      GET [order-service client]
				        GET /stock/{sku} [inventory-service server]
				          count-stock [inventory-service]
				      GET [order-service client]
				        GET /stock/{sku} [inventory-service server]
				          count-stock [inventory-service]
				    calculate-price [order-service]
				      GET [order-service client]
				        GET /prices/{sku} [inventory-service server]
				          quote-price [inventory-service]
				      GET [order-service client]
				        GET /prices/{sku} [inventory-service server]
				          quote-price [inventory-service]
				    authorize-payment [order-service]
				      POST [order-service client]
				        POST /payments [payment-service server]
				          process-payment [payment-service]
				            detect-fraud [payment-service]
				            call-payment-gateway [payment-service]
				    save-order [order-service]
				      INSERT orders [order-service client]
				      INSERT order_lines [order-service client]
				      INSERT order_lines [order-service client]
				""");
		String orderId = answer.body().path("id").asText();
		String transactionId = answer.body().path("paymentTransactionId").asText();
		assertThat(only(trace, "POST /orders").attribute(HTTP_STATUS)).isEqualTo(201L);
		ReceivedSpan createOrder = only(trace, "create-order");
		assertThat(createOrder.attribute("customer.id")).isEqualTo(Scenario.SUCCESS.customerId());
		// Put into baggage by the order service: every payment-service span carries it, and the waterfall shows it.
		assertThat(trace).filteredOn((span) -> "payment-service".equals(span.serviceName()))
			.hasSize(4)
			.allSatisfy((span) -> assertThat(span.attribute("customer.id")).isEqualTo(Scenario.SUCCESS.customerId()));
		assertThat(new Waterfall(Waterfall.Glyphs.ASCII).render(trace))
			.contains("customer.id=" + Scenario.SUCCESS.customerId());
		assertThat(createOrder.attribute("order.id")).isEqualTo(orderId);
		assertThat(createOrder.attribute("order.item_count")).isEqualTo(2L);
		assertThat(only(trace, "calculate-price").attribute("order.total")).isEqualTo(46.9);
		ReceivedSpan insertOrder = only(trace, "INSERT orders");
		assertThat(insertOrder.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
		assertThat(insertOrder.attribute(DbAttributes.DB_SYSTEM_NAME.getKey())).isEqualTo("h2database");
		assertThat(insertOrder.attribute(DbAttributes.DB_COLLECTION_NAME.getKey())).isEqualTo("orders");
		assertThat((String) insertOrder.attribute(DbAttributes.DB_QUERY_TEXT.getKey()))
			.startsWith("insert into orders (id, customer_id, status, total,");
		ReceivedSpan processPayment = only(trace, "process-payment");
		assertThat(processPayment.attribute("order.id")).isEqualTo(orderId);
		assertThat(processPayment.attribute("payment.amount")).isEqualTo(46.9);
		assertThat(processPayment.attribute("payment.card.last4")).isEqualTo("1111");
		Span.Event completed = onlyEvent(processPayment.events(), "payment-completed");
		assertThat(completed.getAttributesList()).anySatisfy((attribute) -> {
			assertThat(attribute.getKey()).isEqualTo("payment.transaction_id");
			assertThat(attribute.getValue().getStringValue()).isEqualTo(transactionId);
		});
		assertThat(only(trace, "call-payment-gateway").attribute("payment.transaction_id")).isEqualTo(transactionId);
		assertNoCardNumber();

		HttpResponse<String> readBack = HTTP.send(HttpRequest.newBuilder(URI.create(url(order) + "/orders/" + orderId))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(readBack.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(readBack.body()).path("traceId").asText()).isEqualTo(answer.traceId());
	}

	@Test
	void outOfStockFailsTheInventoryCheckAndStopsBeforePayment() throws Exception {
		Answer answer = post(Scenario.OUT_OF_STOCK);
		assertThat(answer.status()).isEqualTo(409);
		List<ReceivedSpan> trace = awaitTrace(answer, 9);
		// 409 is the client's problem: not an error of the server span (semantic conventions).
		assertOutline(trace, """
				POST /orders [order-service server]
				  create-order [order-service] ERROR
				    check-inventory [order-service] ERROR
				      GET [order-service client]
				        GET /stock/{sku} [inventory-service server]
				          count-stock [inventory-service]
				      GET [order-service client]
				        GET /stock/{sku} [inventory-service server]
				          count-stock [inventory-service]
				""");
		assertThat(only(trace, "POST /orders").attribute(HTTP_STATUS)).isEqualTo(409L);
		ReceivedSpan checkInventory = only(trace, "check-inventory");
		assertThat(checkInventory.statusMessage()).isEqualTo("GRINDER-PRO is out of stock: 0 available, 1 ordered");
		assertThat(checkInventory.attribute(ErrorAttributes.ERROR_TYPE.getKey()))
			.isEqualTo("io.github.oteltracing.sample.order.OutOfStockException");
		assertThat(checkInventory.events()).extracting(Span.Event::getName).contains("exception");
		assertThat(only(trace, "create-order").attribute("order.item_count")).isEqualTo(2L);
		assertThat(answer.body().path("detail").asText()).contains("GRINDER-PRO is out of stock");
		assertNoCardNumber();
	}

	@Test
	void declinedCardFailsThePaymentStepsAndTheClientSpanOnly() throws Exception {
		Answer answer = post(Scenario.DECLINED);
		assertThat(answer.status()).isEqualTo(402);
		List<ReceivedSpan> trace = awaitTrace(answer, 16);
		// A 402 is an error for the client span, not for either server span.
		assertOutline(trace, """
				POST /orders [order-service server]
				  create-order [order-service] ERROR
				    check-inventory [order-service]
				      GET [order-service client]
				        GET /stock/{sku} [inventory-service server]
				          count-stock [inventory-service]
				    calculate-price [order-service]
				      GET [order-service client]
				        GET /prices/{sku} [inventory-service server]
				          quote-price [inventory-service]
				    authorize-payment [order-service] ERROR
				      POST [order-service client] ERROR
				        POST /payments [payment-service server]
				          process-payment [payment-service] ERROR
				            detect-fraud [payment-service]
				            call-payment-gateway [payment-service] ERROR
				""");
		assertThat(only(trace, "call-payment-gateway").statusMessage()).isEqualTo("Card declined: insufficient funds");
		assertThat(only(trace, "authorize-payment").statusMessage()).isEqualTo("Card declined: insufficient funds");
		assertThat(only(trace, "POST").attribute(HTTP_STATUS)).isEqualTo(402L);
		assertThat(only(trace, "POST /payments").attribute(HTTP_STATUS)).isEqualTo(402L);
		assertThat(only(trace, "POST /orders").attribute(HTTP_STATUS)).isEqualTo(402L);
		ReceivedSpan processPayment = only(trace, "process-payment");
		assertThat(processPayment.attribute("payment.card.last4")).isEqualTo("0002");
		assertThat(processPayment.events()).extracting(Span.Event::getName).doesNotContain("payment-completed");
		assertThat(answer.body().path("detail").asText()).isEqualTo("Card declined: insufficient funds");
		assertNoCardNumber();
	}

	@Test
	void slowProductShowsAsTheLongPriceQuote() throws Exception {
		Answer answer = post(Scenario.SLOW);
		assertThat(answer.status()).isEqualTo(201);
		List<ReceivedSpan> trace = awaitTrace(answer, 19);
		assertOutline(trace, """
				POST /orders [order-service server]
				  create-order [order-service]
				    check-inventory [order-service]
				      GET [order-service client]
				        GET /stock/{sku} [inventory-service server]
				          count-stock [inventory-service]
				    calculate-price [order-service]
				      GET [order-service client]
				        GET /prices/{sku} [inventory-service server]
				          quote-price [inventory-service]
				    authorize-payment [order-service]
				      POST [order-service client]
				        POST /payments [payment-service server]
				          process-payment [payment-service]
				            detect-fraud [payment-service]
				            call-payment-gateway [payment-service]
				    save-order [order-service]
				      INSERT orders [order-service client]
				      INSERT order_lines [order-service client]
				""");
		ReceivedSpan quote = only(trace, "quote-price");
		assertThat(quote.attribute("price.source")).isEqualTo("supplier");
		Duration quoted = Duration.ofNanos(quote.endEpochNanos() - quote.startEpochNanos());
		assertThat(quoted).isGreaterThan(Duration.ofMillis(550));
		assertNoCardNumber();
	}

	private static ConfigurableApplicationContext run(SpringApplicationBuilder application, String... args) {
		String[] common = { "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
				"--tracing.exporter.otlp.endpoint=" + sink.endpoint(),
				"--tracing.exporter.batch.schedule-delay=50ms" };
		String[] all = new String[common.length + args.length];
		System.arraycopy(common, 0, all, 0, common.length);
		System.arraycopy(args, 0, all, common.length, args.length);
		return application.run(all);
	}

	private static String url(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

	private static Answer post(Scenario scenario) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(order) + "/orders"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(scenario.requestBody()))
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		JsonNode body = JSON.readTree(response.body());
		String traceId = body.path("traceId").asText();
		assertThat(traceId).as("trace id in %s", response.body()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
		return new Answer(response.statusCode(), body, traceId);
	}

	/**
	 * Waits for at least the given number of spans of the answer's trace, then a little
	 * more so that spans beyond the expected ones show.
	 */
	private static List<ReceivedSpan> awaitTrace(Answer answer, int spans) throws InterruptedException {
		sink.awaitSpans((received) -> ofTrace(received, answer.traceId()).size() >= spans, SPAN_WAIT);
		Thread.sleep(SETTLE.toMillis());
		return ofTrace(sink.spans(), answer.traceId());
	}

	private static List<ReceivedSpan> ofTrace(List<ReceivedSpan> spans, String traceId) {
		return spans.stream().filter((span) -> span.traceId().equals(traceId)).toList();
	}

	private static void assertOutline(List<ReceivedSpan> trace, String expected) {
		assertThat(outline(trace)).as("the trace%n%s", new Waterfall(Waterfall.Glyphs.ASCII).render(trace))
			.isEqualTo(expected);
	}

	/**
	 * The shape of a trace, one line per span, children indented under their parent in
	 * start order: name, service, kind unless internal, and ERROR for an error status.
	 */
	private static String outline(List<ReceivedSpan> trace) {
		SpanTree tree = SpanTree.of(trace);
		StringBuilder outline = new StringBuilder();
		tree.roots().forEach((root) -> outline(tree, root, 0, outline));
		return outline.toString();
	}

	private static void outline(SpanTree tree, ReceivedSpan span, int depth, StringBuilder outline) {
		outline.append("  ".repeat(depth)).append(span.name()).append(" [").append(span.serviceName());
		if (span.kind() != Span.SpanKind.SPAN_KIND_INTERNAL) {
			outline.append(' ').append(span.kind().name().replace("SPAN_KIND_", "").toLowerCase());
		}
		outline.append(']');
		if (span.statusCode() == StatusCode.STATUS_CODE_ERROR) {
			outline.append(" ERROR");
		}
		outline.append('\n');
		tree.children(span).forEach((child) -> outline(tree, child, depth + 1, outline));
	}

	private static ReceivedSpan only(List<ReceivedSpan> trace, String name) {
		List<ReceivedSpan> named = trace.stream().filter((span) -> span.name().equals(name)).toList();
		assertThat(named).as("spans named '%s'", name).hasSize(1);
		return named.get(0);
	}

	private static Span.Event onlyEvent(List<Span.Event> events, String name) {
		List<Span.Event> named = events.stream().filter((event) -> event.getName().equals(name)).toList();
		assertThat(named).as("events named '%s'", name).hasSize(1);
		return named.get(0);
	}

	// Every span received so far, whole: attributes, events, status messages and resources.
	private static void assertNoCardNumber() {
		for (ReceivedSpan span : sink.spans()) {
			String everything = span.proto().toString() + span.resource();
			assertThat(everything).as("span %s", span)
				.doesNotContain(Scenario.ACCEPTED_CARD)
				.doesNotContain(Scenario.DECLINED_CARD);
		}
	}

	private record Answer(int status, JsonNode body, String traceId) {
	}

	/**
	 * Reactor Netty for the payment service, as when it runs alone: Spring Boot would
	 * pick Tomcat, which the other samples put on this shared classpath.
	 */
	@Configuration(proxyBeanMethods = false)
	static class NettyServer {

		@Bean
		NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
			return new NettyReactiveWebServerFactory();
		}

	}

}
