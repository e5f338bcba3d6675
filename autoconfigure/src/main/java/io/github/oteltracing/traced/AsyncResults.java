package io.github.oteltracing.traced;

import java.util.concurrent.CompletionStage;

import io.opentelemetry.api.trace.Span;

/**
 * Ends spans of methods that return a {@link CompletionStage} when it completes.
 */
final class AsyncResults {

	private AsyncResults() {
	}

	static Object endOnCompletion(Object result, Span span) {
		if (result instanceof CompletionStage<?> stage) {
			// The caller keeps the stage it was given; this only observes it.
			stage.whenComplete((value, failure) -> {
				if (failure != null) {
					TracedMethod.recordFailure(span, failure);
				}
				span.end();
			});
		}
		else {
			span.end();
		}
		return result;
	}

}
