package io.github.oteltracing.internal.traced;

import java.util.concurrent.CompletionStage;

import io.opentelemetry.api.trace.Span;

/**
 * Ends spans of methods that return a {@link CompletionStage} when it completes.
 */
final class AsyncResults {

	private AsyncResults() {
	}

	/**
	 * Ends the span once, when the stage completes; a cancelled stage ends it without
	 * error, as a cancelled publisher does.
	 */
	static Object endOnCompletion(Object result, Span span) {
		if (!(result instanceof CompletionStage<?> stage)) {
			span.end();
			return result;
		}
		try {
			// The caller keeps the stage it was given; this only observes it.
			stage.whenComplete((value, failure) -> {
				if (failure != null && !TracedMethod.isCancellation(failure)) {
					TracedMethod.recordFailure(span, failure);
				}
				span.end();
			});
		}
		catch (RuntimeException ex) {
			// A stage that takes no callbacks is still the caller's to use; the span cannot wait for it.
			span.end();
		}
		return result;
	}

}
