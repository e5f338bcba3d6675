package io.github.oteltracing.redaction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.semconv.UrlAttributes;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Spring MVC application on Tomcat exports over OTLP http/protobuf (gzip) to a
 * real receiver on loopback; each kind of secret is sent through it (query parameters,
 * a path parameter, credentials in a client URL, a header recorded as an attribute, a
 * resource attribute, a URL in a Micrometer tag as Spring Cloud Gateway names it) and
 * the bytes the receiver got, decompressed, hold none of them.
 */
class SecretsAtTheReceiverTests {

	private static final String QUERY_TOKEN = "query-token-1f3a";

	private static final String GOOG_SIGNATURE = "goog-signature-77c2";

	private static final String SESSION_ID = "B1B4C7D9E2F5A6031";

	private static final String CLIENT_PASSWORD = "client-password-5d1e";

	private static final String CLIENT_SIGNATURE = "client-sig-0b9e";

	private static final String BEARER = "bearer-value-c41d";

	private static final String RESOURCE_KEY = "resource-api-key-9a8b";

	private static final String ROUTED_TOKEN = "routed-token-e27a";

	private static final List<String> SECRETS = List.of(QUERY_TOKEN, GOOG_SIGNATURE, SESSION_ID, CLIENT_PASSWORD,
			CLIENT_SIGNATURE, BEARER, RESOURCE_KEY, ROUTED_TOKEN);

	private static OtlpReceiver receiver;

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		receiver = new OtlpReceiver();
		context = new SpringApplicationBuilder(ShopApp.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"spring.application.name=shop", "logging.level.root=warn",
					"tracing.exporter.otlp.endpoint=" + receiver.endpoint(),
					"tracing.resource.attributes.api-key=" + RESOURCE_KEY, "tracing.resource.attributes.team=payments")
			.run();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
		receiver.close();
	}

	@Test
	void noRawSecretReachesTheReceiverWhileOtherValuesArriveIntact() throws Exception {
		String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(base + "/owners/12;jsessionid=" + SESSION_ID + "?token=" + QUERY_TOKEN
					+ "&X-Goog-Signature=" + GOOG_SIGNATURE + "&page=2"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + BEARER)
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("owner-12 pong");

		// The owner's server span, the audit step, the routed call, the client call and the
		// ping server span.
		List<Span> spans = receiver.awaitSpans(5, context.getBean(SdkTracerProvider.class));
		byte[] received = receiver.bodies();
		assertThat(SECRETS).filteredOn((secret) -> contains(received, secret.getBytes(StandardCharsets.UTF_8)))
			.as("raw secrets in the received protobuf")
			.isEmpty();

		Span owner = span(spans, "/owners/12;jsessionid=REDACTED");
		assertThat(attributes(owner.getAttributesList()).get(UrlAttributes.URL_QUERY.getKey()).getStringValue())
			.isEqualTo("token=REDACTED&X-Goog-Signature=REDACTED&page=2");
		Map<String, AnyValue> audit = attributesOf(spans, "record-audit");
		assertThat(audit.get("http.request.header.authorization").getStringValue()).isEqualTo("****");
		assertThat(audit.get("gen_ai.usage.input_tokens").getIntValue()).isEqualTo(42);
		String clientUrl = spans.stream()
			.map((span) -> attributes(span.getAttributesList()).get(UrlAttributes.URL_FULL.getKey()))
			.filter((value) -> value != null)
			.map(AnyValue::getStringValue)
			.findFirst()
			.orElseThrow();
		assertThat(clientUrl).isEqualTo("http://REDACTED:REDACTED@127.0.0.1:" + base.substring(base.lastIndexOf(':') + 1)
				+ "/ping?sig=REDACTED");
		Map<String, AnyValue> routed = attributesOf(spans, "route owner");
		assertThat(routed.get("http.uri").getStringValue()).isEqualTo("http://127.0.0.1:8080/owners?token=REDACTED&page=2");
		assertThat(routed.get("spring.cloud.gateway.route.id").getStringValue()).isEqualTo("owners");
		Map<String, AnyValue> resource = attributes(receiver.resources().get(0).getAttributesList());
		assertThat(resource.get("api-key").getStringValue()).isEqualTo("****");
		assertThat(resource.get("team").getStringValue()).isEqualTo("payments");
	}

	private static Span span(List<Span> spans, String path) {
		return spans.stream()
			.filter((span) -> attributes(span.getAttributesList()).containsKey(UrlAttributes.URL_PATH.getKey()))
			.filter((span) -> path
				.equals(attributes(span.getAttributesList()).get(UrlAttributes.URL_PATH.getKey()).getStringValue()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span with url.path " + path + " in " + spans));
	}

	private static Map<String, AnyValue> attributesOf(List<Span> spans, String name) {
		return attributes(spans.stream()
			.filter((span) -> span.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span named " + name + " in " + spans))
			.getAttributesList());
	}

	private static Map<String, AnyValue> attributes(List<KeyValue> keyValues) {
		Map<String, AnyValue> attributes = new HashMap<>();
		keyValues.forEach((keyValue) -> attributes.put(keyValue.getKey(), keyValue.getValue()));
		return attributes;
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ OwnersController.class, Audit.class })
	static class ShopApp {

	}

	@RestController
	static class OwnersController {

		private final RestClient restClient;

		private final Audit audit;

		private final ObservationRegistry observations;

		OwnersController(RestClient.Builder restClients, Audit audit, ObservationRegistry observations) {
			this.restClient = restClients.build();
			this.audit = audit;
			this.observations = observations;
		}

		@GetMapping("/owners/{id}")
		String owner(@PathVariable String id, @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
				HttpServletRequest request) {
			this.audit.recordAudit(authorization, 42);
			// Tagged as Spring Cloud Gateway tags a routed request; the bridge makes it a span.
			Observation.createNotStarted("route owner", this.observations)
				.highCardinalityKeyValue("http.uri", "http://127.0.0.1:8080/owners?token=" + ROUTED_TOKEN + "&page=2")
				.lowCardinalityKeyValue("spring.cloud.gateway.route.id", "owners")
				.observe(() -> {
				});
			String pong = this.restClient.get()
				.uri("http://user:" + CLIENT_PASSWORD + "@127.0.0.1:" + request.getLocalPort() + "/ping?sig=" + CLIENT_SIGNATURE)
				.retrieve()
				.body(String.class);
			return "owner-" + id + " " + pong;
		}

		@GetMapping("/ping")
		String ping() {
			return "pong";
		}

	}

	static class Audit {

		@Traced
		public void recordAudit(@SpanAttribute("http.request.header.authorization") String authorization,
				@SpanAttribute("gen_ai.usage.input_tokens") long inputTokens) {
		}

	}

	/**
	 * An OTLP http/protobuf receiver on loopback that keeps every request body as
	 * received, decompressed.
	 */
	static final class OtlpReceiver implements AutoCloseable {

		private final HttpServer server;

		private final List<byte[]> bodies = new ArrayList<>();

		OtlpReceiver() {
			try {
				this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server.createContext("/v1/traces", this::handle);
			this.server.start();
		}

		String endpoint() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		private void handle(HttpExchange exchange) throws IOException {
			try (exchange) {
				boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
				try (InputStream body = gzip ? new GZIPInputStream(exchange.getRequestBody())
						: exchange.getRequestBody()) {
					byte[] bytes = body.readAllBytes();
					synchronized (this.bodies) {
						this.bodies.add(bytes);
					}
				}
				exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
				exchange.sendResponseHeaders(200, -1);
			}
		}

		byte[] bodies() {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			synchronized (this.bodies) {
				this.bodies.forEach(all::writeBytes);
			}
			return all.toByteArray();
		}

		List<ExportTraceServiceRequest> requests() {
			List<ExportTraceServiceRequest> requests = new ArrayList<>();
			synchronized (this.bodies) {
				for (byte[] body : this.bodies) {
					try {
						requests.add(ExportTraceServiceRequest.parseFrom(body));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
			return requests;
		}

		List<io.opentelemetry.proto.resource.v1.Resource> resources() {
			return requests().stream()
				.flatMap((request) -> request.getResourceSpansList().stream())
				.map(ResourceSpans::getResource)
				.toList();
		}

		List<Span> spans() {
			return requests().stream()
				.flatMap((request) -> request.getResourceSpansList().stream())
				.flatMap((resourceSpans) -> resourceSpans.getScopeSpansList().stream())
				.flatMap((scopeSpans) -> scopeSpans.getSpansList().stream())
				.toList();
		}

		/** Flushes the application's spans until at least {@code count} have arrived. */
		List<Span> awaitSpans(int count, SdkTracerProvider tracerProvider) throws InterruptedException {
			for (int attempt = 0; attempt < 100; attempt++) {
				tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
				List<Span> spans = spans();
				if (spans.size() >= count) {
					return spans;
				}
				Thread.sleep(50);
			}
			throw new AssertionError("Fewer than " + count + " spans arrived: " + spans());
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
