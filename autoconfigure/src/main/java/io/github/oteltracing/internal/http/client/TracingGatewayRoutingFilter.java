package io.github.oteltracing.internal.http.client;

import java.net.URI;
import java.util.Collection;

import io.github.oteltracing.internal.context.OtelContextAccessor;
import io.github.oteltracing.internal.http.HttpSpans;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * One {@code CLIENT} span per request that Spring Cloud Gateway routes to an HTTP
 * backend, with the trace context in the request it sends. It runs right before Gateway's
 * routing filters, once the load balancer and the route's filters have settled the URL,
 * and ends when the backend's response status is in (or the call failed). Gateway passes
 * the caller's headers on: those of the configured propagation formats are replaced by
 * what the starter injects, or removed, so that caller's baggage entries the policy
 * refused never reach the backend. Gateway's own observation of the same
 * call makes no span (see {@code InstrumentedObservations}), so there is one span per call
 * with or without actuator. WebSocket upgrades are left alone: Gateway's WebSocket filter
 * takes them over, and their status is not the backend's.
 */
public final class TracingGatewayRoutingFilter implements GlobalFilter, Ordered {

	/** Before Gateway's routing filters: {@code WebsocketRoutingFilter}'s order is the highest of them. */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE - 2;

	private final ClientSpans spans;

	/**
	 * Creates the filter.
	 * @param openTelemetry the SDK its spans and propagators come from
	 */
	public TracingGatewayRoutingFilter(OpenTelemetry openTelemetry) {
		this.spans = new ClientSpans(openTelemetry);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		if (url == null || !isHttp(url.getScheme()) || ServerWebExchangeUtils.isAlreadyRouted(exchange)
				|| isWebSocketUpgrade(exchange)) {
			return chain.filter(exchange);
		}
		return Mono.deferContextual((reactorContext) -> {
			Context parent = reactorContext.getOrDefault(OtelContextAccessor.KEY, null);
			if (parent == null) {
				parent = Context.current();
			}
			Span span = this.spans.start(parent, exchange.getRequest().getMethod().name(), url);
			Context context = parent.with(span);
			HttpHeaders headers = propagating(exchange.getRequest().getHeaders(), context);
			ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {

				@Override
				public HttpHeaders getHeaders() {
					return headers;
				}

			};
			ServerWebExchange propagating = exchange.mutate().request(request).build();
			return chain.filter(propagating)
				.doOnSuccess((done) -> status(span, exchange))
				.doOnError((failure) -> HttpSpans.failure(span, failure))
				.doFinally((signal) -> span.end());
		});
	}

	/**
	 * The caller's headers without those of the propagation formats, and the context in
	 * them. A copy rather than removals: {@code HttpHeaders.remove} has another signature
	 * in Spring Framework 7, {@code forEach} and {@code add} have the same in both.
	 */
	private HttpHeaders propagating(HttpHeaders incoming, Context context) {
		TextMapPropagator propagator = this.spans.propagator();
		Collection<String> fields = propagator.fields();
		HttpHeaders headers = new HttpHeaders();
		incoming.forEach((name, values) -> {
			if (!isField(fields, name)) {
				for (String value : values) {
					headers.add(name, value);
				}
			}
		});
		propagator.inject(context, headers, ClientSpans.HEADERS);
		return headers;
	}

	private static boolean isField(Collection<String> fields, String name) {
		for (String field : fields) {
			if (field.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	// Gateway's routing filter copies the backend's status to the response.
	private static void status(Span span, ServerWebExchange exchange) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		if (status != null) {
			HttpSpans.status(span, status.value(), false);
		}
	}

	private static boolean isWebSocketUpgrade(ServerWebExchange exchange) {
		return "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade());
	}

	private static boolean isHttp(String scheme) {
		return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
	}

}
