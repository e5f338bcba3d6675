package io.github.oteltracing.internal.http.client;

import io.github.oteltracing.internal.context.OtelContextAccessor;
import io.github.oteltracing.internal.http.HttpSpans;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * One {@code CLIENT} span per request sent by a {@code WebClient}. The parent is the
 * OpenTelemetry context in the Reactor context (put there by the WebFlux filter), else
 * the context current when the request is subscribed to.
 */
public final class TracingExchangeFilterFunction implements ExchangeFilterFunction {

	private final ClientSpans spans;

	/**
	 * Creates the filter.
	 * @param openTelemetry the SDK its spans and propagators come from
	 */
	public TracingExchangeFilterFunction(OpenTelemetry openTelemetry) {
		this.spans = new ClientSpans(openTelemetry);
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return Mono.deferContextual((reactorContext) -> {
			Context parent = reactorContext.getOrDefault(OtelContextAccessor.KEY, null);
			if (parent == null) {
				parent = Context.current();
			}
			Span span = this.spans.start(parent, request.method().name(), request.url());
			Context context = parent.with(span);
			return next.exchange(new PropagatingClientRequest(request, context, this.spans.propagator()))
				.doOnNext((response) -> HttpSpans.status(span, response.statusCode().value(), false))
				.doOnError((failure) -> HttpSpans.failure(span, failure))
				.doFinally((signal) -> span.end());
		});
	}

}
