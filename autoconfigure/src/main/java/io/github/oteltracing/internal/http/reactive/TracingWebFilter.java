package io.github.oteltracing.internal.http.reactive;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.oteltracing.internal.context.OtelContextAccessor;
import io.github.oteltracing.internal.http.BoundedHeaders;
import io.github.oteltracing.internal.http.ForwardedClient;
import io.github.oteltracing.internal.http.HttpSpans;
import io.github.oteltracing.internal.http.ServerSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Opens one {@code SERVER} span per WebFlux request, continuing the caller's trace, and
 * keeps its context in the Reactor context so that it follows the request across threads.
 */
public final class TracingWebFilter implements WebFilter, Ordered {

	private static final TextMapGetter<HttpHeaders> HEADERS = new RequestHeaders();

	private final ServerSpans spans;

	private final int order;

	/**
	 * Creates the filter.
	 * @param spans what starts and ends the server spans
	 * @param order the filter's place in the chain
	 */
	public TracingWebFilter(ServerSpans spans, int order) {
		this.spans = spans;
		this.order = order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (this.spans.isExcluded(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		Context parent = this.spans.propagator().extract(Context.root(), request.getHeaders(), HEADERS);
		String rawMethod = request.getMethod().name();
		SpanBuilder builder = this.spans.spanBuilder(parent, rawMethod);
		setRequestAttributes(builder, request);
		Span span = builder.startSpan();
		Context context = parent.with(span);
		RequestSpan requestSpan = new RequestSpan(this.spans, span, HttpSpans.spanNameMethod(rawMethod), exchange,
				this.spans.traceResponse(span));
		exchange.getResponse().beforeCommit(requestSpan);
		Mono<Void> handled;
		// Current while the chain assembles, for handlers that run synchronously.
		try (Scope scope = context.makeCurrent()) {
			handled = chain.filter(exchange);
		}
		catch (RuntimeException | Error ex) {
			// As Spring's own handler does with a chain that throws instead of signalling.
			handled = Mono.error(ex);
		}
		return handled.doOnError(requestSpan::failed)
			.doFinally(requestSpan::end)
			.contextWrite((reactorContext) -> reactorContext.put(OtelContextAccessor.KEY, context));
	}

	private static void setRequestAttributes(SpanBuilder builder, ServerHttpRequest request) {
		URI uri = request.getURI();
		builder.setAttribute(UrlAttributes.URL_PATH, request.getPath().value());
		String scheme = uri.getScheme();
		if (scheme != null) {
			builder.setAttribute(UrlAttributes.URL_SCHEME, scheme);
		}
		String query = uri.getRawQuery();
		if (query != null) {
			builder.setAttribute(UrlAttributes.URL_QUERY, query);
		}
		ServerSpans.server(builder, scheme, uri.getHost(), uri.getPort());
		HttpHeaders headers = request.getHeaders();
		InetSocketAddress peer = request.getRemoteAddress();
		InetAddress peerAddress = (peer != null) ? peer.getAddress() : null;
		ServerSpans.client(builder, headers.getFirst(ForwardedClient.FORWARDED),
				headers.getFirst(ForwardedClient.X_FORWARDED_FOR),
				(peerAddress != null) ? peerAddress.getHostAddress() : null, (peer != null) ? peer.getPort() : -1);
		String userAgent = headers.getFirst(HttpHeaders.USER_AGENT);
		if (userAgent != null) {
			builder.setAttribute(UserAgentAttributes.USER_AGENT_ORIGINAL, userAgent);
		}
		ServerSpans.protocol(builder, NativeRequests.protocol(request));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * One request's span until the response is complete. The status is read when the
	 * response is committed: once it is complete, a servlet container may already have
	 * recycled the response it reads the status from.
	 */
	private static final class RequestSpan implements Supplier<Mono<Void>> {

		private final ServerSpans spans;

		private final Span span;

		private final String method;

		private final ServerWebExchange exchange;

		private final String traceResponse;

		private Throwable failure;

		// A failure after the status went out: the response broke on its way.
		private boolean failedAfterCommit;

		private volatile HttpStatusCode committedStatus;

		RequestSpan(ServerSpans spans, Span span, String method, ServerWebExchange exchange, String traceResponse) {
			this.spans = spans;
			this.span = span;
			this.method = method;
			this.exchange = exchange;
			this.traceResponse = traceResponse;
		}

		// Before commit: set late, so that no handler that clears headers on an error removes it.
		@Override
		public Mono<Void> get() {
			ServerHttpResponse response = this.exchange.getResponse();
			if (this.traceResponse != null) {
				response.getHeaders().set(ServerSpans.TRACE_RESPONSE_HEADER, this.traceResponse);
			}
			this.committedStatus = response.getStatusCode();
			return Mono.empty();
		}

		void failed(Throwable failure) {
			this.failure = failure;
			this.failedAfterCommit = this.committedStatus != null;
		}

		// Never committed (cancelled, or an empty response): the status, if still readable.
		private HttpStatusCode currentStatus() {
			try {
				return this.exchange.getResponse().getStatusCode();
			}
			catch (IllegalStateException ex) {
				return null;
			}
		}

		void end(SignalType signal) {
			Object route = this.exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			Throwable failure = this.failure;
			HttpStatusCode committed = this.committedStatus;
			if (failure != null) {
				// Error handlers answer after the filters, mostly before this runs; else as they would.
				int status = (committed != null) ? committed.value() : FailureStatus.of(failure);
				boolean error = this.failedAfterCommit || status >= 500;
				this.spans.end(this.span, this.method, route, status, error ? failure : null);
			}
			else if (committed != null) {
				this.spans.end(this.span, this.method, route, committed.value(), null);
			}
			else if (signal == SignalType.CANCEL) {
				// Cancelled before the response was committed (the client went away): no status.
				this.spans.end(this.span, this.method, route, 0, null);
			}
			else {
				HttpStatusCode status = currentStatus();
				this.spans.end(this.span, this.method, route, (status != null) ? status.value() : 200, null);
			}
		}

	}

	private static final class RequestHeaders implements TextMapGetter<HttpHeaders> {

		@Override
		public Iterable<String> keys(HttpHeaders headers) {
			// Not keySet(): HttpHeaders is no longer a Map in Spring Framework 7.
			List<String> names = new ArrayList<>();
			headers.forEach((name, values) -> names.add(name));
			return names;
		}

		@Override
		public String get(HttpHeaders headers, String key) {
			if (headers == null || headers.getFirst(key) == null) {
				return null;
			}
			// Not get(key): its signature changed in Spring Framework 7.
			List<String> fields = new ArrayList<>();
			headers.forEach((name, values) -> {
				if (name.equalsIgnoreCase(key)) {
					fields.addAll(values);
				}
			});
			return BoundedHeaders.combine(key, fields.iterator());
		}

	}

}
