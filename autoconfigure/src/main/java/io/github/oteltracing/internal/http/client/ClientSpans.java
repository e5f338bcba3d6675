package io.github.oteltracing.internal.http.client;

import java.net.URI;

import io.github.oteltracing.internal.http.HttpSpans;
import io.github.oteltracing.internal.instrumentation.LazyTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;

import org.springframework.http.HttpHeaders;

/**
 * Starts {@code CLIENT} spans for outgoing requests, whichever client sends them.
 */
final class ClientSpans {

	/** Writes the context into a request's headers, replacing any of the same name. */
	static final TextMapSetter<HttpHeaders> HEADERS = (headers, name, value) -> {
		if (headers != null) {
			headers.set(name, value);
		}
	};

	private static final String REDACTED_USER_INFO = "REDACTED:REDACTED";

	private final LazyTracer tracer;

	ClientSpans(OpenTelemetry openTelemetry) {
		this.tracer = new LazyTracer(() -> openTelemetry, HttpSpans.INSTRUMENTATION_SCOPE);
	}

	Span start(Context parent, String rawMethod, URI uri) {
		SpanBuilder builder = this.tracer.tracer().spanBuilder(HttpSpans.spanNameMethod(rawMethod))
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

	TextMapPropagator propagator() {
		return this.tracer.propagator();
	}

	/**
	 * Credentials in a URL never reach a span; the conventions spell their place
	 * {@code REDACTED:REDACTED@} so that a reader sees the call carried some.
	 */
	private static String withoutUserInfo(URI uri) {
		String full = uri.toString();
		String userInfo = uri.getRawUserInfo();
		if (userInfo == null) {
			return full;
		}
		int start = full.indexOf("//") + 2;
		return full.substring(0, start) + REDACTED_USER_INFO + full.substring(start + userInfo.length());
	}

	private static long port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

}
