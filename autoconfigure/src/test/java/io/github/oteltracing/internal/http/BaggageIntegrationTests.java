package io.github.oteltracing.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.baggage.TracingBaggage;
import io.github.oteltracing.internal.logging.MdcCapture;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Baggage across real applications on loopback ports: an edge service A (Spring MVC) that
 * lists {@code customer.id} calls B on Spring MVC and on WebFlux with each client. Listed
 * entries reach B's logs and spans, unlisted ones never leave A, and hostile headers never
 * fail a request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaggageIntegrationTests {

	static final String LOGGER = "io.github.oteltracing.internal.http.BaggageIntegrationTests.Echo";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CUSTOMER_ID = "customer.id";

	private static final String[] FIELDS = { "tracing.baggage.correlation-fields=customer.id",
			"tracing.baggage.tag-fields=customer.id" };

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private TraceSink sink;

	private ConfigurableApplicationContext mvc;

	private ConfigurableApplicationContext flux;

	private ConfigurableApplicationContext edge;

	private ConfigurableApplicationContext strictEdge;

	private String lastTraceId;

	@BeforeAll
	void start() {
		this.sink = TraceSink.startHttp(0);
		// The downstreams keep all incoming entries, so that what A sends shows as it is.
		this.mvc = TestApps.start(MvcEcho.class, WebApplicationType.SERVLET, this.sink, "service-b-mvc",
				with("tracing.baggage.accept-incoming=all", "server.max-http-request-header-size=64KB"));
		this.flux = TestApps.start(FluxEcho.class, WebApplicationType.REACTIVE, this.sink, "service-b-flux",
				with("tracing.baggage.accept-incoming=all", "server.max-http-request-header-size=64KB"));
		this.edge = TestApps.start(Edge.class, WebApplicationType.SERVLET, this.sink, "service-a",
				with("tracing.baggage.fields=customer.id", "tracing.http.server.trace-response=true",
						"mvc.url=" + TestApps.baseUrl(this.mvc), "flux.url=" + TestApps.baseUrl(this.flux)));
		// Started with the others: closing one application early would stop the shared Reactor Netty resources.
		this.strictEdge = TestApps.start(Edge.class, WebApplicationType.SERVLET, this.sink, "service-a-strict",
				with("tracing.baggage.fields=customer.id", "tracing.baggage.accept-incoming=none",
						"mvc.url=" + TestApps.baseUrl(this.mvc), "flux.url=" + TestApps.baseUrl(this.flux)));
	}

	@AfterAll
	void stop() {
		Stream.of(this.strictEdge, this.edge, this.mvc, this.flux).forEach(ConfigurableApplicationContext::close);
		this.sink.close();
	}

	static Stream<Arguments> targetsAndClients() {
		return Stream.of("mvc", "flux")
			.flatMap((target) -> Stream.of("rest-template", "rest-client", "web-client")
				.map((client) -> Arguments.of(target, client)));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("targetsAndClients")
	void listedEntriesReachLogsAndSpansAndUnlistedOnesNeverLeave(String target, String client) throws Exception {
		try (MdcCapture capture = MdcCapture.attach(LOGGER)) {
			String body = get(TestApps.baseUrl(this.edge) + "/call/" + target + "/" + client + "/echo",
					"customer.id=c-42,tenant=evil,role=admin");
			assertThat(body).isEqualTo("header=customer.id=c-42 seen={customer.id=c-42}");
			assertThat(capture.mdc("echo")).containsEntry(CUSTOMER_ID, "c-42").containsKey("trace_id");
		}
		List<ReceivedSpan> spans = lastTrace(3);
		assertThat(spans).hasSize(3).allSatisfy((span) -> assertThat(span.attribute(CUSTOMER_ID)).isEqualTo("c-42"));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("targetsAndClients")
	void entrySetInOneLineReachesLaterSpansAndCalls(String target, String client) throws Exception {
		try (MdcCapture capture = MdcCapture.attach(LOGGER)) {
			String body = get(TestApps.baseUrl(this.edge) + "/set/" + target + "/" + client + "/echo", null);
			assertThat(body).isEqualTo("header=customer.id=c-set seen={customer.id=c-set}");
			assertThat(capture.mdc("edge set")).containsEntry(CUSTOMER_ID, "c-set");
			assertThat(capture.mdc("echo")).containsEntry(CUSTOMER_ID, "c-set");
		}
		List<ReceivedSpan> spans = lastTrace(3);
		// The server span of A started before the entry was set.
		assertThat(spans).filteredOn((span) -> span.kind() != SpanKind.SPAN_KIND_SERVER
				|| !"service-a".equals(span.serviceName()))
			.hasSize(2)
			.allSatisfy((span) -> assertThat(span.attribute(CUSTOMER_ID)).isEqualTo("c-set"));
	}

	@ParameterizedTest(name = "{0} with {1}")
	@MethodSource("targetsAndClients")
	void entriesCrossAsyncMethods(String target, String client) throws Exception {
		String body = get(TestApps.baseUrl(this.edge) + "/async/" + target + "/" + client + "/echo",
				"customer.id=c-async,role=admin");
		assertThat(body).isEqualTo("header=customer.id=c-async seen={customer.id=c-async}");
	}

	@Test
	void entriesCrossReactorHops() throws Exception {
		try (MdcCapture capture = MdcCapture.attach(LOGGER)) {
			String body = get(TestApps.baseUrl(this.edge) + "/call/flux/web-client/echo/hop", "customer.id=c-hop,x=1");
			assertThat(body).isEqualTo("header=customer.id=c-hop seen={customer.id=c-hop}");
			assertThat(capture.event("echo").thread()).contains("parallel");
			assertThat(capture.mdc("echo")).containsEntry(CUSTOMER_ID, "c-hop");
		}
	}

	@Test
	void spanAttributeParameterGoesIntoBaggageForTheRestOfTheRequest() throws Exception {
		String body = get(TestApps.baseUrl(this.edge) + "/traced/flux/rest-client/echo", "customer.id=c-caller");
		// Sent from inside the method, then once more after it returned.
		assertThat(body).isEqualTo("header=customer.id=c-traced seen={customer.id=c-traced}"
				+ "|header=customer.id=c-traced seen={customer.id=c-traced}");
	}

	@Test
	void micrometerBaggageApiWorksOnTheStartersSdk() throws Exception {
		String body = get(TestApps.baseUrl(this.edge) + "/micrometer/mvc/rest-client/echo", null);
		assertThat(body).isEqualTo("header=customer.id=c-mm seen={customer.id=c-mm}");
	}

	@Test
	void edgeThatAcceptsNoneDropsEverythingIncoming() throws Exception {
		String strict = TestApps.baseUrl(this.strictEdge);
		assertThat(get(strict + "/call/mvc/rest-template/echo", "customer.id=c-1,role=admin"))
			.isEqualTo("header=- seen={}");
		// What the service sets itself still goes out.
		assertThat(get(strict + "/set/flux/web-client/echo", "customer.id=c-1"))
			.isEqualTo("header=customer.id=c-set seen={customer.id=c-set}");
	}

	@Test
	void withoutListedFieldsEveryEntryPassesThroughAsTheW3CDefaultDoes() throws Exception {
		assertThat(get(TestApps.baseUrl(this.mvc) + "/echo", "tenant=acme,role=admin"))
			.isEqualTo("header=tenant=acme,role=admin seen={role=admin, tenant=acme}");
	}

	static Stream<Arguments> hostileHeaders() {
		String sixtyFive = IntStream.range(0, 65).mapToObj((i) -> "k" + i + "=v").collect(Collectors.joining(","));
		Map<String, String> expected65 = new TreeMap<>();
		IntStream.range(0, 65).forEach((i) -> expected65.put("k" + i, "v"));
		return Stream.of("mvc", "flux")
			.flatMap((target) -> Stream.of(
					Arguments.of(target, "malformed members dropped one by one",
							"a=1,bad key=2,b=%zz,c=%C3%28,d=\"q\",=5,e=ok;prop=1,f", "{a=1, e=ok}"),
					Arguments.of(target, "percent-decoding as UTF-8, plus kept",
							"a=%E2%82%AC%20x,b=1+2,c=%2C%3B%3D", "{a=€ x, b=1+2, c=,;=}"),
					Arguments.of(target, "65 members", sixtyFive, expected65.toString()),
					Arguments.of(target, "nothing valid", ",,,;;;===", "{}")));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("hostileHeaders")
	void hostileBaggageNeverFailsARequest(String target, String description, String header, String seen)
			throws Exception {
		String body = get(TestApps.baseUrl(target.equals("mvc") ? this.mvc : this.flux) + "/echo", header);
		assertThat(body).endsWith(" seen=" + seen);
	}

	@Test
	void beyond8192BytesWholeMembersAreDropped() throws Exception {
		// 100 members of 100 bytes each (with the comma): the first 81 fit into 8192 bytes.
		String value = "x".repeat(95);
		String header = IntStream.range(0, 100)
			.mapToObj((i) -> String.format("k%02d=%s", i, value))
			.collect(Collectors.joining(","));
		for (ConfigurableApplicationContext target : List.of(this.mvc, this.flux)) {
			String body = get(TestApps.baseUrl(target) + "/echo", header);
			String seen = body.substring(body.indexOf(" seen={") + 7, body.length() - 1);
			List<String> members = List.of(seen.split(", "));
			assertThat(members).hasSize(81).allSatisfy((member) -> assertThat(member).endsWith("=" + value));
			assertThat(members.get(80)).startsWith("k80=");
		}
	}

	private List<ReceivedSpan> lastTrace(int spans) {
		String traceId = this.lastTraceId;
		return this.sink
			.awaitSpans((all) -> all.stream().filter((span) -> span.traceId().equals(traceId)).count() >= spans, WAIT)
			.stream()
			.filter((span) -> span.traceId().equals(traceId))
			.toList();
	}

	private static String[] with(String... properties) {
		return Stream.concat(Stream.of(FIELDS), Stream.of(properties)).toArray(String[]::new);
	}

	private String get(String url, String baggage) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
		if (baggage != null) {
			request.header("baggage", baggage);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		this.lastTraceId = response.headers()
			.firstValue(ServerSpans.TRACE_RESPONSE_HEADER)
			.map((traceResponse) -> traceResponse.split("-")[1])
			.orElse(null);
		return response.body();
	}

	static String describe(String header) {
		Map<String, String> seen = new TreeMap<>(TracingBaggage.current(Context.current()).asMap()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().getValue())));
		LoggerFactory.getLogger(LOGGER).info("echo");
		return "header=" + ((header != null) ? header : "-") + " seen=" + seen;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(MvcEchoController.class)
	static class MvcEcho {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(FluxEchoController.class)
	static class FluxEcho {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableAsync
	@Import({ EdgeController.class, AsyncSender.class, Customers.class })
	static class Edge {

	}

	@RestController
	static class MvcEchoController {

		@GetMapping("/echo")
		String echo(@RequestHeader(name = "baggage", required = false) String header) {
			return describe(header);
		}

	}

	@RestController
	static class FluxEchoController {

		@GetMapping("/echo")
		Mono<String> echo(@RequestHeader(name = "baggage", required = false) String header) {
			return Mono.fromSupplier(() -> describe(header));
		}

		@GetMapping("/echo/hop")
		Mono<String> hop(@RequestHeader(name = "baggage", required = false) String header) {
			return Mono.delay(Duration.ofMillis(5)).map((tick) -> describe(header));
		}

	}

	static class AsyncSender {

		@Async
		public CompletableFuture<String> send(EdgeController controller, String target, String client, String path) {
			return CompletableFuture.completedFuture(controller.send(target, client, path));
		}

	}

	static class Customers {

		@Traced
		public String loadCustomer(@SpanAttribute(value = "customer.id", baggage = true) String customerId,
				Supplier<String> work) {
			return work.get();
		}

	}

	@RestController
	static class EdgeController {

		private static final Logger logger = LoggerFactory.getLogger(LOGGER);

		private final Map<String, RestTemplate> restTemplates;

		private final Map<String, RestClient> restClients;

		private final Map<String, WebClient> webClients;

		private final AsyncSender async;

		private final Tracer tracer;

		private final Customers customers;

		EdgeController(RestTemplateBuilder restTemplates, RestClient.Builder restClients,
				WebClient.Builder webClients, AsyncSender async, Tracer tracer, Customers customers,
				@Value("${mvc.url}") String mvc, @Value("${flux.url}") String flux) {
			this.restTemplates = Map.of("mvc", restTemplates.rootUri(mvc).build(), "flux",
					restTemplates.rootUri(flux).build());
			this.restClients = Map.of("mvc", restClients.baseUrl(mvc).build(), "flux",
					restClients.baseUrl(flux).build());
			this.webClients = Map.of("mvc", webClients.baseUrl(mvc).build(), "flux",
					webClients.baseUrl(flux).build());
			this.async = async;
			this.tracer = tracer;
			this.customers = customers;
		}

		@GetMapping("/traced/{target}/{client}/echo")
		String traced(@PathVariable String target, @PathVariable String client) {
			String inside = this.customers.loadCustomer("c-traced", () -> send(target, client, "/echo"));
			return inside + "|" + send(target, client, "/echo");
		}

		@GetMapping({ "/call/{target}/{client}/echo", "/call/{target}/{client}/echo/hop" })
		String call(@PathVariable String target, @PathVariable String client,
				jakarta.servlet.http.HttpServletRequest request) {
			return send(target, client, request.getRequestURI().endsWith("/hop") ? "/echo/hop" : "/echo");
		}

		@GetMapping("/set/{target}/{client}/echo")
		String set(@PathVariable String target, @PathVariable String client) {
			TracingBaggage.set("customer.id", "c-set");
			// Not listed: never leaves this service.
			TracingBaggage.set("internal.secret", "s");
			logger.info("edge set");
			return send(target, client, "/echo");
		}

		@GetMapping("/async/{target}/{client}/echo")
		String async(@PathVariable String target, @PathVariable String client) {
			return this.async.send(this, target, client, "/echo").join();
		}

		@GetMapping("/micrometer/{target}/{client}/echo")
		String micrometer(@PathVariable String target, @PathVariable String client) {
			try (BaggageInScope baggage = this.tracer.createBaggageInScope("customer.id", "c-mm")) {
				return send(target, client, "/echo");
			}
		}

		String send(String target, String client, String path) {
			return switch (client) {
				case "rest-template" -> this.restTemplates.get(target).getForObject(path, String.class);
				case "rest-client" -> this.restClients.get(target).get().uri(path).retrieve().body(String.class);
				case "web-client" ->
					this.webClients.get(target).get().uri(path).retrieve().bodyToMono(String.class).block();
				default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, client);
			};
		}

	}

}
