package io.github.oteltracing.http;

import java.util.Set;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;

/**
 * What HTTP server and client spans share: method names and status handling as the
 * semantic conventions describe them.
 */
public final class HttpSpans {

	/** Instrumentation scope of every HTTP span of the starter. */
	public static final String INSTRUMENTATION_SCOPE = "io.github.oteltracing.http";

	private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT",
			"OPTIONS", "TRACE", "PATCH", "QUERY");

	private static final String OTHER_METHOD = "_OTHER";

	// Status codes as error.type values, made once instead of per failed request.
	private static final String[] STATUS_TEXT = new String[600];

	static {
		for (int status = 0; status < STATUS_TEXT.length; status++) {
			STATUS_TEXT[status] = Integer.toString(status);
		}
	}

	private HttpSpans() {
	}

	/**
	 * The method as it appears in span names: {@code HTTP} for unknown methods, so that a
	 * hostile method cannot create unbounded span names.
	 * @param method the request method
	 * @return the method for the span name
	 */
	public static String spanNameMethod(String method) {
		return (method != null && KNOWN_METHODS.contains(method)) ? method : "HTTP";
	}

	/**
	 * Sets the method attributes; unknown methods are reported as {@code _OTHER} with the
	 * original kept.
	 * @param builder the span builder
	 * @param method the request method
	 */
	public static void method(SpanBuilder builder, String method) {
		if (method != null && KNOWN_METHODS.contains(method)) {
			builder.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, method);
			return;
		}
		builder.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, OTHER_METHOD);
		if (method != null) {
			builder.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD_ORIGINAL, method);
		}
	}

	/**
	 * Records the response status; server spans fail on 5xx, client spans on 4xx and 5xx.
	 * @param span the span
	 * @param status the response status code
	 * @param server whether the span is a server span
	 */
	public static void status(Span span, int status, boolean server) {
		span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, status);
		if (status >= (server ? 500 : 400)) {
			span.setStatus(StatusCode.ERROR);
			span.setAttribute(ErrorAttributes.ERROR_TYPE, statusText(status));
		}
	}

	/**
	 * Records a failure that left no response: the exception becomes the error type.
	 * @param span the span
	 * @param failure the failure
	 */
	public static void failure(Span span, Throwable failure) {
		span.recordException(failure);
		span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
		span.setAttribute(ErrorAttributes.ERROR_TYPE, failure.getClass().getName());
	}

	private static String statusText(int status) {
		return (status >= 0 && status < STATUS_TEXT.length) ? STATUS_TEXT[status] : Integer.toString(status);
	}

}
