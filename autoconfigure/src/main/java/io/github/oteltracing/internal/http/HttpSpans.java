package io.github.oteltracing.internal.http;

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
	 * Records a failure: the exception becomes the error type and its message, if it has
	 * one, the status description.
	 * @param span the span
	 * @param failure the failure
	 */
	public static void failure(Span span, Throwable failure) {
		span.recordException(failure);
		error(span, failure);
		span.setAttribute(ErrorAttributes.ERROR_TYPE, failure.getClass().getName());
	}

	/**
	 * Sets the {@code ERROR} status with the failure's message as the description; a
	 * failure without a message gets none (its class is {@code error.type} already, which
	 * the conventions advise against repeating).
	 * @param span the span
	 * @param failure the failure
	 */
	public static void error(Span span, Throwable failure) {
		String message = failure.getMessage();
		if (message != null) {
			span.setStatus(StatusCode.ERROR, message);
		}
		else {
			span.setStatus(StatusCode.ERROR);
		}
	}

	/**
	 * The {@code network.protocol.version} of a request protocol, spelled as the
	 * conventions say: {@code HTTP/1.1} is {@code 1.1}, {@code HTTP/2.0} is {@code 2}.
	 * @param protocol the protocol, such as {@code HTTP/1.1}, or {@code null}
	 * @return the version, or {@code null} if the protocol is not HTTP
	 */
	public static String protocolVersion(String protocol) {
		if (protocol == null) {
			return null;
		}
		return switch (protocol) {
			case "HTTP/1.1" -> "1.1";
			case "HTTP/1.0" -> "1.0";
			case "HTTP/2.0", "HTTP/2" -> "2";
			case "HTTP/3.0", "HTTP/3" -> "3";
			default -> protocol.startsWith("HTTP/") ? protocol.substring(5) : null;
		};
	}

	private static String statusText(int status) {
		return (status >= 0 && status < STATUS_TEXT.length) ? STATUS_TEXT[status] : Integer.toString(status);
	}

}
