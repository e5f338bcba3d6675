package io.github.oteltracing.internal.http.client;

import java.io.IOException;

import io.github.oteltracing.internal.http.HttpSpans;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * One {@code CLIENT} span per request sent by a {@code RestTemplate} or
 * {@code RestClient}, with the trace context injected into the request headers.
 */
public final class TracingClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private final ClientSpans spans;

	/**
	 * Creates the interceptor.
	 * @param openTelemetry the SDK its spans and propagators come from
	 */
	public TracingClientHttpRequestInterceptor(OpenTelemetry openTelemetry) {
		this.spans = new ClientSpans(openTelemetry);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		Context parent = Context.current();
		Span span = this.spans.start(parent, request.getMethod().name(), request.getURI());
		Context context = parent.with(span);
		try (Scope scope = context.makeCurrent()) {
			this.spans.propagator().inject(context, request.getHeaders(), ClientSpans.HEADERS);
			ClientHttpResponse response = execution.execute(request, body);
			HttpSpans.status(span, response.getStatusCode().value(), false);
			return response;
		}
		catch (IOException | RuntimeException ex) {
			HttpSpans.failure(span, ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

}
