package io.github.oteltracing.traced;

import io.opentelemetry.api.trace.Span;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ends spans of methods that return a {@link Mono} or {@link Flux} when the publisher
 * terminates. Only loaded when Reactor is on the classpath.
 */
final class ReactorResults {

	private ReactorResults() {
	}

	static boolean isReactorType(Class<?> type) {
		return Mono.class.isAssignableFrom(type) || Flux.class.isAssignableFrom(type);
	}

	static Object endOnTermination(Object result, Span span) {
		if (result instanceof Mono<?> mono) {
			return mono.doOnError((failure) -> TracedMethod.recordFailure(span, failure))
				.doFinally((signal) -> span.end());
		}
		if (result instanceof Flux<?> flux) {
			return flux.doOnError((failure) -> TracedMethod.recordFailure(span, failure))
				.doFinally((signal) -> span.end());
		}
		span.end();
		return result;
	}

}
