package io.github.oteltracing.traced;

import io.github.oteltracing.context.OtelContextAccessor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
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
		// Operators run when subscribed, possibly elsewhere: they find the span in the Reactor context.
		Context context = Context.current().with(span);
		if (result instanceof Mono<?> mono) {
			return mono.doOnError((failure) -> TracedMethod.recordFailure(span, failure))
				.doFinally((signal) -> span.end())
				.contextWrite((reactorContext) -> reactorContext.put(OtelContextAccessor.KEY, context));
		}
		if (result instanceof Flux<?> flux) {
			return flux.doOnError((failure) -> TracedMethod.recordFailure(span, failure))
				.doFinally((signal) -> span.end())
				.contextWrite((reactorContext) -> reactorContext.put(OtelContextAccessor.KEY, context));
		}
		span.end();
		return result;
	}

}
