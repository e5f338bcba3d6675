package io.github.oteltracing.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.internal.logging.MdcCapture;
import io.github.oteltracing.logging.TraceMdc;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A controller exception on Spring MVC and Tomcat: the container's own error log line and
 * the error dispatch to {@code /error} (its log lines and spans) belong to the request's
 * trace, and nothing of it stays on the thread afterwards. One worker thread, so that the
 * next request runs where the failed one did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorDispatchContextTests {

	static final String LOGGER = "io.github.oteltracing.http.error-dispatch-test";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private TraceSink sink;

	private ConfigurableApplicationContext server;

	@BeforeAll
	void start() {
		this.sink = TraceSink.startHttp(0);
		this.server = TestApps.start(ErrorPageApp.class, WebApplicationType.SERVLET, this.sink, "error-dispatch",
				"server.tomcat.threads.max=1", "server.tomcat.threads.min-spare=1",
				"tracing.http.server.exclude-paths=/internal/**");
	}

	@AfterAll
	void stop() {
		this.server.close();
		this.sink.close();
	}

	@Test
	void theContainersErrorLogAndTheErrorDispatchCarryTheRequestsTrace() throws Exception {
		try (MdcCapture tomcat = MdcCapture.attach("org.apache.catalina.core");
				MdcCapture application = MdcCapture.attach(LOGGER)) {
			HttpResponse<String> response = get("/fail");
			assertThat(response.statusCode()).isEqualTo(500);
			// Rendered by Spring Boot's BasicErrorController in the error dispatch.
			assertThat(response.body()).contains("\"status\":500");
			// Off by default.
			assertThat(response.headers().firstValue("traceresponse")).isEmpty();
			List<ReceivedSpan> spans = this.sink.awaitSpans(2, Duration.ofSeconds(10));
			ReceivedSpan server = only(spans, SpanKind.SPAN_KIND_SERVER);
			ReceivedSpan errorPage = only(spans, SpanKind.SPAN_KIND_INTERNAL);
			assertThat(server.name()).isEqualTo("GET /fail");
			assertThat(errorPage.name()).isEqualTo("render-error-page");
			assertThat(errorPage.traceId()).isEqualTo(server.traceId());
			assertThat(errorPage.parentSpanId()).isEqualTo(server.spanId());
			MdcCapture.Captured containerLine = tomcat.events()
				.stream()
				.filter((event) -> event.message().startsWith("Servlet.service() for servlet [dispatcherServlet]"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no container error line in " + tomcat.events()));
			assertThat(containerLine.mdc()).containsEntry(TraceMdc.TRACE_ID, server.traceId())
				.containsEntry(TraceMdc.SPAN_ID, server.spanId());
			assertThat(application.mdc("error page")).containsEntry(TraceMdc.TRACE_ID, server.traceId());
			// The same (only) worker thread, in the next request: nothing left behind.
			assertThat(get("/internal/ping").body()).isEqualTo("pong");
			assertThat(application.event("ping").thread()).isEqualTo(containerLine.thread());
			assertThat(application.mdc("ping")).doesNotContainKeys(TraceMdc.TRACE_ID, TraceMdc.SPAN_ID);
		}
	}

	private static ReceivedSpan only(List<ReceivedSpan> spans, SpanKind kind) {
		List<ReceivedSpan> matching = spans.stream().filter((span) -> span.kind() == kind).toList();
		assertThat(matching).as(kind + " in " + spans).hasSize(1);
		return matching.get(0);
	}

	private HttpResponse<String> get(String path) throws Exception {
		this.sink.clear();
		return this.http.send(HttpRequest.newBuilder(URI.create(TestApps.baseUrl(this.server) + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ FailingController.class, ErrorPage.class })
	static class ErrorPageApp {

		@Bean
		DefaultErrorAttributes errorAttributes(ErrorPage errorPage) {
			return new DefaultErrorAttributes() {

				@Override
				public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
					logger.info("error page");
					errorPage.renderErrorPage();
					return super.getErrorAttributes(request, options);
				}

			};
		}

	}

	static class ErrorPage {

		@Traced
		public void renderErrorPage() {
		}

	}

	@RestController
	static class FailingController {

		@GetMapping("/fail")
		String fail() {
			throw new IllegalStateException("fail");
		}

		@GetMapping("/internal/ping")
		String ping() {
			logger.info("ping");
			return "pong";
		}

	}

}
