package io.github.oteltracing.internal.instrumentation;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.semconv.ErrorAttributes;

/**
 * Records a failure on a span as the starter does everywhere: ERROR status with the
 * message as description, an {@code exception} event and {@code error.type}.
 */
public final class SpanFailures {

	private SpanFailures() {
	}

	/**
	 * @param span the span of the failed work
	 * @param failure the application's exception, unwrapped by the caller
	 */
	public static void record(Span span, Throwable failure) {
		span.recordException(failure);
		String message = failure.getMessage();
		// No message, no description: the class is error.type already.
		if (message != null) {
			span.setStatus(StatusCode.ERROR, message);
		}
		else {
			span.setStatus(StatusCode.ERROR);
		}
		span.setAttribute(ErrorAttributes.ERROR_TYPE, failure.getClass().getName());
	}

}
