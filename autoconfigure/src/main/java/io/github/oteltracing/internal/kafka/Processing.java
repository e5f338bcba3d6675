package io.github.oteltracing.internal.kafka;

import io.github.oteltracing.internal.instrumentation.SpanFailures;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.apache.kafka.clients.consumer.Consumer;

import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * The span of the record or batch a listener thread is processing, current until it ends.
 * Interceptors are shared by a factory's containers, each with its own thread, so the
 * state is per thread.
 */
final class Processing {

	private static final ThreadLocal<Processing> current = new ThreadLocal<>();

	private final Span span;

	private final Scope scope;

	private Processing(Span span) {
		this.span = span;
		this.scope = span.makeCurrent();
	}

	static void start(Span span) {
		end(null);
		current.set(new Processing(span));
	}

	/**
	 * Ends the current processing span, if any, recording the failure if there is one.
	 */
	static void end(Throwable failure) {
		Processing processing = current.get();
		if (processing == null) {
			return;
		}
		current.remove();
		processing.scope.close();
		if (failure != null) {
			SpanFailures.record(processing.span, applicationFailure(failure));
		}
		processing.span.end();
	}

	// The listener adapter wraps what the application threw.
	private static Throwable applicationFailure(Throwable failure) {
		Throwable current = failure;
		while (current instanceof ListenerExecutionFailedException && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * The consumer group of a listener's consumer, or {@code null} without one.
	 */
	static String groupOf(Consumer<?, ?> consumer) {
		try {
			return (consumer != null) ? consumer.groupMetadata().groupId() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
