package io.github.oteltracing.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

import io.github.oteltracing.benchmarks.shared.CountingSpanExporter;
import io.github.oteltracing.benchmarks.shared.SpanPipeline;
import io.github.oteltracing.internal.http.ExcludedPaths;
import io.github.oteltracing.internal.http.ServerSpans;
import io.github.oteltracing.internal.http.client.TracingClientHttpRequestInterceptor;
import io.github.oteltracing.internal.http.client.TracingExchangeFilterFunction;
import io.github.oteltracing.internal.http.reactive.TracingWebFilter;
import io.github.oteltracing.internal.http.servlet.TracingServletFilter;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.DefaultServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One request through each of the starter's HTTP instrumentations, with no network: the
 * servlet filter around a chain that only sets the route and the status, the WebFlux filter
 * around a chain that does the same, the {@code RestTemplate}/{@code RestClient} interceptor
 * before an execution that answers at once, and the {@code WebClient} filter before an
 * exchange function that does too. The instrumentations are built as the auto-configuration
 * builds them, over the benchmarks' span pipeline and the default propagators
 * ({@code tracecontext, baggage}).
 *
 * <p>{@code mode}: {@code none} calls the chain, execution or exchange without the
 * instrumentation; {@code starter} with it, outside any trace (a server request without a
 * {@code traceparent}, a client call with no current span); {@code starterInTrace} inside a
 * sampled trace (a {@code traceparent} from the caller, a current span around the client
 * call).
 */
public final class HttpCalls {

	static final String NONE = "none";

	static final String STARTER = "starter";

	static final String STARTER_IN_TRACE = "starterInTrace";

	static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private static final String ROUTE = "/owners/{ownerId}";

	private HttpCalls() {
	}

	@State(Scope.Thread)
	public static class Server extends Instrumented {

		private final PathPattern pattern = PathPatternParser.defaultInstance.parse(ROUTE);

		// Made once: the mocks would make them per request, a cost no server has.
		private final MockServletContext servletContext = new MockServletContext();

		private final ServerCodecConfigurer codecs = ServerCodecConfigurer.create();

		private final WebSessionManager sessions = new DefaultWebSessionManager();

		private final LocaleContextResolver locales = new AcceptHeaderLocaleContextResolver();

		// What a server underneath tells: the protocol (MockServerHttpRequest throws instead).
		private final MockHttpServletRequest nativeRequest = new MockHttpServletRequest(this.servletContext);

		private TracingServletFilter servletFilter;

		private TracingWebFilter webFilter;

		private final FilterChain servletChain = (request, response) -> {
			request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, ROUTE);
			((HttpServletResponse) response).setStatus(200);
		};

		private final WebFilterChain webChain = (exchange) -> {
			exchange.getAttributes()
				.put(org.springframework.web.reactive.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, this.pattern);
			exchange.getResponse().setStatusCode(HttpStatus.OK);
			return exchange.getResponse().setComplete();
		};

		@Setup
		public void start() throws Exception {
			open();
			ServerSpans spans = new ServerSpans(this.openTelemetry, new ExcludedPaths(List.of("/actuator/**")), false);
			this.servletFilter = new TracingServletFilter(spans);
			this.webFilter = new TracingWebFilter(spans, 0);
			check("servlet filter", () -> servlet("/owners/42"));
			check("web filter", this::webFlux);
		}

		@TearDown
		public void stop() {
			close();
		}

		int servlet(String path) throws IOException, ServletException {
			MockHttpServletRequest request = new MockHttpServletRequest(this.servletContext, "GET", path);
			request.addHeader("User-Agent", "bench");
			if (this.inTrace) {
				request.addHeader("traceparent", TRACEPARENT);
			}
			MockHttpServletResponse response = new MockHttpServletResponse();
			if (this.filter) {
				this.servletFilter.doFilter(request, response, this.servletChain);
			}
			else {
				this.servletChain.doFilter(request, response);
			}
			return response.getStatus();
		}

		Object webFlux() {
			HttpHeaders headers = new HttpHeaders();
			headers.add(HttpHeaders.USER_AGENT, "bench");
			if (this.inTrace) {
				headers.add("traceparent", TRACEPARENT);
			}
			ServerWebExchange exchange = new DefaultServerWebExchange(new ServerRequest(headers, this.nativeRequest),
					new MockServerHttpResponse(), this.sessions, this.codecs, this.locales);
			Mono<Void> handled = this.filter ? this.webFilter.filter(exchange, this.webChain)
					: this.webChain.filter(exchange);
			handled.block();
			return exchange.getResponse().getStatusCode();
		}

	}

	@State(Scope.Thread)
	public static class Client extends Instrumented {

		private static final URI URL = URI.create("http://127.0.0.1:8081/stock/A-1");

		private final ClientHttpResponse response = new MockClientHttpResponse(new byte[0], HttpStatus.OK);

		private final ClientHttpRequestExecution execution = (request, body) -> this.response;

		private final ClientRequest clientRequest = ClientRequest.create(HttpMethod.GET, URL).build();

		private final ClientResponse clientResponse = ClientResponse.create(HttpStatus.OK).build();

		private final ExchangeFunction exchange = (request) -> Mono.just(this.clientResponse);

		private TracingClientHttpRequestInterceptor interceptor;

		private TracingExchangeFilterFunction webClientFilter;

		private Span span;

		private io.opentelemetry.context.Scope scope;

		@Setup
		public void start() throws Exception {
			open();
			this.interceptor = new TracingClientHttpRequestInterceptor(this.openTelemetry);
			this.webClientFilter = new TracingExchangeFilterFunction(this.openTelemetry);
			if (this.inTrace) {
				this.span = this.tracerProvider.get(SpanPipeline.SCOPE).spanBuilder("request").startSpan();
				this.scope = this.span.makeCurrent();
			}
			check("RestTemplate interceptor", this::restTemplate);
			check("WebClient filter", this::webClient);
		}

		@TearDown
		public void stop() {
			if (this.scope != null) {
				this.scope.close();
				this.span.end();
			}
			close();
		}

		Object restTemplate() throws IOException {
			MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.GET, URL);
			byte[] body = new byte[0];
			ClientHttpResponse result = this.filter ? this.interceptor.intercept(request, body, this.execution)
					: this.execution.execute(request, body);
			return result.getStatusCode();
		}

		Object webClient() {
			Mono<ClientResponse> result = this.filter ? this.webClientFilter.filter(this.clientRequest, this.exchange)
					: this.exchange.exchange(this.clientRequest);
			return result.block().statusCode();
		}

	}

	@State(Scope.Thread)
	public abstract static class Instrumented {

		@Param({ NONE, STARTER, STARTER_IN_TRACE })
		public String mode;

		boolean filter;

		boolean inTrace;

		final CountingSpanExporter exporter = new CountingSpanExporter();

		SdkTracerProvider tracerProvider;

		OpenTelemetrySdk openTelemetry;

		void open() {
			this.filter = !NONE.equals(this.mode);
			this.inTrace = STARTER_IN_TRACE.equals(this.mode);
			this.tracerProvider = SpanPipeline.tracerProvider(SpanPipeline.processor(this.exporter),
					Sampler.parentBased(Sampler.alwaysOn()));
			this.openTelemetry = OpenTelemetrySdk.builder()
				.setTracerProvider(this.tracerProvider)
				.setPropagators(ContextPropagators.create(TextMapPropagator
					.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
				.build();
		}

		/** One call exports one span with the instrumentation, none without. */
		void check(String what, Call call) throws Exception {
			long before = this.exporter.exported();
			call.run();
			long spans = this.exporter.exported() - before;
			if (spans != (this.filter ? 1 : 0)) {
				throw new IllegalStateException(what + " (" + this.mode + "): " + spans + " spans per call");
			}
		}

		void close() {
			this.tracerProvider.close();
		}

	}

	/** A WebFlux request from a client on loopback, as a server adapter makes it. */
	static final class ServerRequest extends AbstractServerHttpRequest {

		private static final URI URI = java.net.URI.create("http://localhost:8080/owners/42");

		private static final InetSocketAddress PEER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

		private final Object nativeRequest;

		ServerRequest(HttpHeaders headers, Object nativeRequest) {
			super(HttpMethod.GET, URI, null, headers);
			this.nativeRequest = nativeRequest;
		}

		@Override
		protected MultiValueMap<String, HttpCookie> initCookies() {
			return new LinkedMultiValueMap<>();
		}

		@Override
		protected SslInfo initSslInfo() {
			return null;
		}

		@Override
		public InetSocketAddress getRemoteAddress() {
			return PEER;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.empty();
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T getNativeRequest() {
			return (T) this.nativeRequest;
		}

	}

	interface Call {

		Object run() throws Exception;

	}

}
