package io.github.oteltracing.acceptance;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * DESIGN section 4: the standard {@code OTEL_*} variables, set for real on a child JVM
 * running {@link ChildShop}. Its {@code application-child.yml} sets a service name, an
 * unreachable endpoint, sampling off and an hour's batch delay, so spans arriving with
 * the variables' values show that each variable beat the file.
 */
class EnvironmentVariablesTests {

	// JVM and application start-up included.
	private static final Duration CHILD_WAIT = Duration.ofSeconds(30);

	private static final int SPANS_PER_ORDER = 6;

	@Test
	void otelVariablesConfigureTracingAndBeatApplicationYml() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0);
				ChildJvm child = ChildJvm.start(ChildShop.class,
						Map.of("OTEL_SERVICE_NAME", "name-from-otel", "OTEL_EXPORTER_OTLP_ENDPOINT", sink.endpoint(),
								"OTEL_EXPORTER_OTLP_HEADERS", "k1=v1,k2=v2", "OTEL_RESOURCE_ATTRIBUTES",
								"team=payments,region=eu", "OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
								"OTEL_TRACES_SAMPLER_ARG", "1.0", "OTEL_BSP_SCHEDULE_DELAY", "100"))) {
			List<ReceivedSpan> spans = awaitSpans(sink, child, SPANS_PER_ORDER);
			// Exported on the 100 ms schedule: the child is still running, nothing was flushed.
			assertThat(child.isAlive()).as("child still running; output:\n%s", child.output()).isTrue();
			child.closeInput();
			assertThat(child.awaitExit()).as(child.output()).isZero();
			assertThat(child.output()).contains(ChildShop.PLACED + "1");
			assertThat(spans).extracting(ReceivedSpan::name).contains("place-order", "authorize-payment");
			assertThat(spans).allSatisfy((span) -> assertThat(span.resourceAttributes()).contains(
					entry("service.name", "name-from-otel"), entry("team", "payments"), entry("region", "eu")));
			assertThat(sink.requests()).isNotEmpty().allSatisfy((request) -> {
				assertThat(request.path()).isEqualTo("/v1/traces");
				assertThat(request.header("k1")).isEqualTo("v1");
				assertThat(request.header("k2")).isEqualTo("v2");
			});
		}
	}

	@Test
	void tracingVariablesBeatOtelVariables() throws Exception {
		try (TraceSink sink = TraceSink.startGrpc(0);
				ChildJvm child = ChildJvm.start(ChildShop.class,
						Map.of("TRACING_SERVICE_NAME", "name-from-tracing-variable", "OTEL_SERVICE_NAME",
								"name-from-otel", "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
								"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", sink.endpoint(), "OTEL_EXPORTER_OTLP_COMPRESSION",
								"none", "OTEL_TRACES_SAMPLER", "always_on"))) {
			// The spans leave with the flush at shutdown.
			child.closeInput();
			assertThat(child.awaitExit()).as(child.output()).isZero();
			List<ReceivedSpan> spans = awaitSpans(sink, child, SPANS_PER_ORDER);
			assertThat(spans).extracting(ReceivedSpan::serviceName).containsOnly("name-from-tracing-variable");
			assertThat(sink.requests()).isNotEmpty().allSatisfy((request) -> {
				assertThat(request.path()).endsWith("TraceService/Export");
				assertThat(request.contentEncoding()).isIn(null, "identity");
			});
		}
	}

	@Test
	void otelSdkDisabledExportsNothing() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0);
				ChildJvm child = ChildJvm.start(ChildShop.class, Map.of("OTEL_SDK_DISABLED", "true",
						"OTEL_EXPORTER_OTLP_ENDPOINT", sink.endpoint(), "OTEL_TRACES_SAMPLER", "always_on"))) {
			child.closeInput();
			assertThat(child.awaitExit()).as(child.output()).isZero();
			// No SDK at all, rather than one that happens to drop everything.
			assertThat(child.output()).contains(ChildShop.PLACED + "0");
			assertThat(sink.requests()).isEmpty();
		}
	}

	@Test
	void tracesEndpointVariableIsUsedAsIs() throws Exception {
		// The sink only serves .../v1/traces, so a receiver that records any path stands in.
		List<String> paths = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		receiver.createContext("/", (exchange) -> {
			paths.add(exchange.getRequestURI().getPath());
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/ingest/spans";
		try (ChildJvm child = ChildJvm.start(ChildShop.class,
				Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", endpoint, "OTEL_TRACES_SAMPLER", "always_on"))) {
			child.closeInput();
			assertThat(child.awaitExit()).as(child.output()).isZero();
			assertThat(paths).as(child.output()).isNotEmpty().containsOnly("/ingest/spans");
		}
		finally {
			receiver.stop(0);
		}
	}

	private static List<ReceivedSpan> awaitSpans(TraceSink sink, ChildJvm child, int count) {
		try {
			return sink.awaitSpans(count, CHILD_WAIT);
		}
		catch (AssertionError ex) {
			throw new AssertionError(ex.getMessage() + "\nChild output:\n" + child.output(), ex);
		}
	}

}
