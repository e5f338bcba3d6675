package io.github.oteltracing.internal.http.client;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeStrategies;

/**
 * A {@code WebClient} request that puts the trace context into the HTTP request it is
 * written to. Rebuilding the request with the headers added would copy its headers,
 * cookies and attributes on every call; this view copies nothing. The headers go in when
 * the request is written, and with its {@link #httpRequest() request callback}, so a filter
 * further down that rebuilds the request keeps them too; they replace any the application
 * set under the same names, as those of a rebuilt request did. Filters further down do not
 * see them in {@link #headers()}.
 */
final class PropagatingClientRequest implements ClientRequest {

	private static final TextMapSetter<ClientHttpRequest> HEADERS = (request, name, value) -> {
		if (request != null) {
			request.getHeaders().set(name, value);
		}
	};

	private final ClientRequest request;

	private final Context context;

	private final TextMapPropagator propagator;

	PropagatingClientRequest(ClientRequest request, Context context, TextMapPropagator propagator) {
		this.request = request;
		this.context = context;
		this.propagator = propagator;
	}

	@Override
	public Mono<Void> writeTo(ClientHttpRequest request, ExchangeStrategies strategies) {
		// Spring's requests add their own headers only where the HTTP request has none yet.
		inject(request);
		return this.request.writeTo(request, strategies);
	}

	@Override
	public Consumer<ClientHttpRequest> httpRequest() {
		Consumer<ClientHttpRequest> own = this.request.httpRequest();
		return (request) -> {
			if (own != null) {
				own.accept(request);
			}
			inject(request);
		};
	}

	private void inject(ClientHttpRequest request) {
		this.propagator.inject(this.context, request, HEADERS);
	}

	@Override
	public HttpMethod method() {
		return this.request.method();
	}

	@Override
	public URI url() {
		return this.request.url();
	}

	@Override
	public HttpHeaders headers() {
		return this.request.headers();
	}

	@Override
	public MultiValueMap<String, String> cookies() {
		return this.request.cookies();
	}

	@Override
	public BodyInserter<?, ? super ClientHttpRequest> body() {
		return this.request.body();
	}

	@Override
	public Optional<Object> attribute(String name) {
		return this.request.attribute(name);
	}

	@Override
	public Map<String, Object> attributes() {
		return this.request.attributes();
	}

	@Override
	public String logPrefix() {
		return this.request.logPrefix();
	}

}
