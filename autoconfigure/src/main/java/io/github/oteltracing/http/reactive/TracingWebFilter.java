package io.github.oteltracing.http.reactive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.oteltracing.context.OtelContextAccessor;
import io.github.oteltracing.http.BoundedHeaders;
import io.github.oteltracing.http.ExcludedPaths;
import io.github.oteltracing.http.HttpSpans;
import io.github.oteltracing.internal.StarterTracers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Opens one {@code SERVER} span per WebFlux request, continuing the caller's trace, and
 * keeps its context in the Reactor context so that it follows the request across threads.
 */
public final class TracingWebFilter implements WebFilter, Ordered {

	private static final TextMapGetter<HttpHeaders> HEADERS = new RequestHeaders();

	private final OpenTelemetry openTelemetry;

	private final ExcludedPaths excludedPaths;

	private final int order;

	private volatile Tracer tracer;

	public TracingWebFilter(OpenTelemetry openTelemetry, ExcludedPaths excludedPaths, int order) {
		this.openTelemetry = openTelemetry;
		this.excludedPaths = excludedPaths;
		this.order = order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (this.excludedPaths.isExcluded(request.getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		Context parent = this.openTelemetry.getPropagators()
			.getTextMapPropagator()
			.extract(Context.root(), request.getHeaders(), HEADERS);
		String rawMethod = request.getMethod().name();
		String method = HttpSpans.spanNameMethod(rawMethod);
		SpanBuilder builder = tracer().spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER);
		HttpSpans.method(builder, rawMethod);
		setRequestAttributes(builder, request);
		Span span = builder.startSpan();
		Context context = parent.with(span);
		RequestSpan requestSpan = new RequestSpan(span, method, exchange);
		exchange.getResponse().beforeCommit(requestSpan);
		Mono<Void> handled;
		// Current while the chain assembles, for handlers that run synchronously.
		try (Scope scope = context.makeCurrent()) {
			handled = chain.filter(exchange);
		}
		return handled.doOnError(requestSpan::failed)
			.doFinally(requestSpan::end)
			.contextWrite((reactorContext) -> reactorContext.put(OtelContextAccessor.KEY, context));
	}

	private static void setRequestAttributes(SpanBuilder builder, ServerHttpRequest request) {
		builder.setAttribute(UrlAttributes.URL_PATH, request.getPath().value());
		String scheme = request.getURI().getScheme();
		if (scheme != null) {
			builder.setAttribute(UrlAttributes.URL_SCHEME, scheme);
		}
		String query = request.getURI().getRawQuery();
		if (query != null) {
			builder.setAttribute(UrlAttributes.URL_QUERY, query);
		}
		String host = request.getURI().getHost();
		if (host != null) {
			builder.setAttribute(ServerAttributes.SERVER_ADDRESS, host);
			builder.setAttribute(ServerAttributes.SERVER_PORT, request.getURI().getPort());
		}
		if (request.getRemoteAddress() != null && request.getRemoteAddress().getAddress() != null) {
			builder.setAttribute(ClientAttributes.CLIENT_ADDRESS,
					request.getRemoteAddress().getAddress().getHostAddress());
		}
		String userAgent = request.getHeaders().getFirst(HttpHeaders.USER_AGENT);
		if (userAgent != null) {
			builder.setAttribute(UserAgentAttributes.USER_AGENT_ORIGINAL, userAgent);
		}
	}

	private Tracer tracer() {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			tracer = StarterTracers.tracer(this.openTelemetry, HttpSpans.INSTRUMENTATION_SCOPE);
			this.tracer = tracer;
		}
		return tracer;
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

		private final Span span;

		private final String method;

		private final ServerWebExchange exchange;

		private Throwable failure;

		private volatile HttpStatusCode committedStatus;

		RequestSpan(Span span, String method, ServerWebExchange exchange) {
			this.span = span;
			this.method = method;
			this.exchange = exchange;
		}

		@Override
		public Mono<Void> get() {
			this.committedStatus = this.exchange.getResponse().getStatusCode();
			return Mono.empty();
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

		void failed(Throwable failure) {
			this.failure = failure;
		}

		void end(SignalType signal) {
			try {
				Object route = this.exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
				if (route != null) {
					String template = route.toString();
					this.span.setAttribute(HttpAttributes.HTTP_ROUTE, template);
					this.span.updateName(this.method + " " + template);
				}
				if (this.failure != null) {
					// Error handlers write the response after the filters; the exception decides the status.
					int status = (this.failure instanceof ResponseStatusException statusException)
							? statusException.getStatusCode().value() : 500;
					HttpSpans.status(this.span, status, true);
					if (status >= 500) {
						HttpSpans.failure(this.span, this.failure);
					}
				}
				else if (this.committedStatus != null) {
					HttpSpans.status(this.span, this.committedStatus.value(), true);
				}
				else if (signal != SignalType.CANCEL) {
					// Not committed yet; a request cancelled before that (the client went away) has no status.
					HttpStatusCode status = currentStatus();
					HttpSpans.status(this.span, (status != null) ? status.value() : 200, true);
				}
			}
			finally {
				this.span.end();
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
			return (headers != null) ? BoundedHeaders.bound(key, headers.getFirst(key)) : null;
		}

	}

}
