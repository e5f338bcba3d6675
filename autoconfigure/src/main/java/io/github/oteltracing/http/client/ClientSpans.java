package io.github.oteltracing.http.client;

import java.net.URI;

import io.github.oteltracing.http.HttpSpans;
import io.github.oteltracing.internal.StarterTracers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;

/**
 * Starts {@code CLIENT} spans for outgoing requests, whichever client sends them.
 */
final class ClientSpans {

	private final OpenTelemetry openTelemetry;

	private volatile Tracer tracer;

	ClientSpans(OpenTelemetry openTelemetry) {
		this.openTelemetry = openTelemetry;
	}

	Span start(Context parent, String rawMethod, URI uri) {
		SpanBuilder builder = tracer().spanBuilder(HttpSpans.spanNameMethod(rawMethod))
			.setParent(parent)
			.setSpanKind(SpanKind.CLIENT);
		HttpSpans.method(builder, rawMethod);
		builder.setAttribute(UrlAttributes.URL_FULL, withoutUserInfo(uri));
		if (uri.getHost() != null) {
			builder.setAttribute(ServerAttributes.SERVER_ADDRESS, uri.getHost());
			builder.setAttribute(ServerAttributes.SERVER_PORT, port(uri));
		}
		return builder.startSpan();
	}

	OpenTelemetry openTelemetry() {
		return this.openTelemetry;
	}

	/** Credentials in a URL never reach a span. */
	private static String withoutUserInfo(URI uri) {
		String full = uri.toString();
		if (uri.getRawUserInfo() == null) {
			return full;
		}
		return full.replace(uri.getRawUserInfo() + "@", "");
	}

	private static long port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private Tracer tracer() {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			tracer = StarterTracers.tracer(this.openTelemetry, HttpSpans.INSTRUMENTATION_SCOPE);
			this.tracer = tracer;
		}
		return tracer;
	}

}
