package io.github.oteltracing.internal.traced;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Function;

import io.github.oteltracing.internal.context.OtelContextAccessor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.reactivestreams.Subscription;
import reactor.core.CorePublisher;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;
import reactor.util.context.ContextView;

/**
 * Traces each subscription to a {@link Mono} or {@link Flux} returned by a traced method:
 * the span starts when subscribed and ends when the publisher terminates or is
 * cancelled. Only loaded when Reactor is on the classpath.
 */
final class ReactorResults {

	private ReactorResults() {
	}

	static boolean isReactorType(Class<?> type) {
		return Mono.class.isAssignableFrom(type) || Flux.class.isAssignableFrom(type);
	}

	/**
	 * Wraps the publisher so that every subscription starts a span from its parent.
	 * @param publisher what the method returned
	 * @param spans starts a span, child of the given context
	 * @return the publisher to hand to the caller
	 */
	static Object tracePerSubscription(Object publisher, Function<Context, Span> spans) {
		if (publisher instanceof Mono<?> mono) {
			return new TracedMono<>(mono, spans);
		}
		if (publisher instanceof Flux<?> flux) {
			return new TracedFlux<>(flux, spans);
		}
		return publisher;
	}

	/**
	 * Starts the subscription's span and subscribes upstream with it current, so that work
	 * done while subscribing is its child; operators that run later, possibly elsewhere,
	 * find it in the Reactor context.
	 */
	private static <T> void subscribe(CorePublisher<? extends T> source, CoreSubscriber<? super T> actual,
			Function<Context, Span> spans) {
		Context parent = parent(actual.currentContext());
		Span span = spans.apply(parent);
		Context context = parent.with(span);
		SpanSubscriber<T> subscriber = new SpanSubscriber<>(actual, span, context);
		try (Scope scope = context.makeCurrent()) {
			source.subscribe(subscriber);
		}
	}

	/**
	 * The subscriber's context: the one in its Reactor context (a WebFlux request's, say),
	 * else the current one.
	 */
	private static Context parent(ContextView reactorContext) {
		Object value = reactorContext.getOrDefault(OtelContextAccessor.KEY, null);
		return (value instanceof Context context) ? context : Context.current();
	}

	private static final class TracedMono<T> extends MonoOperator<T, T> {

		private final Function<Context, Span> spans;

		TracedMono(Mono<T> source, Function<Context, Span> spans) {
			super(source);
			this.spans = spans;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			ReactorResults.subscribe(this.source, actual, this.spans);
		}

	}

	private static final class TracedFlux<T> extends FluxOperator<T, T> {

		private final Function<Context, Span> spans;

		TracedFlux(Flux<T> source, Function<Context, Span> spans) {
			super(source);
			this.spans = spans;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			ReactorResults.subscribe(this.source, actual, this.spans);
		}

	}

	/**
	 * Passes every signal on and ends the span exactly once: on completion, on error
	 * (recorded) or on cancellation, whichever comes first.
	 */
	private static final class SpanSubscriber<T> implements CoreSubscriber<T>, Subscription {

		private static final AtomicIntegerFieldUpdater<SpanSubscriber> ENDED = AtomicIntegerFieldUpdater
			.newUpdater(SpanSubscriber.class, "ended");

		private final CoreSubscriber<? super T> actual;

		private final Span span;

		private final Context context;

		private final reactor.util.context.Context reactorContext;

		private Subscription upstream;

		private volatile int ended;

		SpanSubscriber(CoreSubscriber<? super T> actual, Span span, Context context) {
			this.actual = actual;
			this.span = span;
			this.context = context;
			this.reactorContext = actual.currentContext().put(OtelContextAccessor.KEY, context);
		}

		@Override
		public reactor.util.context.Context currentContext() {
			return this.reactorContext;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(T value) {
			this.actual.onNext(value);
		}

		@Override
		public void onError(Throwable failure) {
			if (claimEnd()) {
				TracedMethod.recordFailure(this.span, failure);
				this.span.end();
			}
			this.actual.onError(failure);
		}

		@Override
		public void onComplete() {
			if (claimEnd()) {
				this.span.end();
			}
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			// Upstream may do its work when asked (Mono.fromCallable does), and a subscriber
			// downstream may have made its own context current for the call.
			try (Scope scope = this.context.makeCurrent()) {
				this.upstream.request(n);
			}
		}

		@Override
		public void cancel() {
			this.upstream.cancel();
			if (claimEnd()) {
				this.span.end();
			}
		}

		private boolean claimEnd() {
			return ENDED.compareAndSet(this, 0, 1);
		}

	}

}
