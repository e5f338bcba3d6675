package io.github.oteltracing.internal.traced;

import io.github.oteltracing.internal.instrumentation.LazyTracer;
import io.github.oteltracing.internal.traced.TracedMethod.ResultType;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Opens a span around each call of a {@code @Traced} method. A plain
 * {@link MethodInterceptor} rather than an AspectJ advice: no join point objects, no
 * argument binding, no AspectJ weaver needed.
 */
final class TracedMethodInterceptor implements MethodInterceptor {

	static final String INSTRUMENTATION_SCOPE = "io.github.oteltracing.traced";

	private final LazyTracer tracer;

	private final TracedMethods methods;

	// Resolved on first use: advisors are created before most beans, the SDK need not be.
	TracedMethodInterceptor(ObjectProvider<OpenTelemetry> openTelemetry, TracedMethods methods) {
		this.tracer = new LazyTracer(openTelemetry::getObject, INSTRUMENTATION_SCOPE);
		this.methods = methods;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? target.getClass() : invocation.getMethod().getDeclaringClass();
		TracedMethod method = this.methods.get(invocation.getMethod(), targetClass);
		if (method.resultType == ResultType.REACTOR) {
			return invokePublisher(invocation, method);
		}
		Span span = startSpan(method, Context.current(), invocation.getArguments());
		Object result;
		try (Scope scope = method.context(span, invocation.getArguments()).makeCurrent()) {
			result = invocation.proceed();
		}
		catch (Throwable failure) {
			TracedMethod.recordFailure(span, failure);
			span.end();
			throw failure;
		}
		if (method.resultType == ResultType.COMPLETION_STAGE) {
			return AsyncResults.endOnCompletion(result, span);
		}
		span.end();
		return result;
	}

	/**
	 * A publisher does its work when subscribed, so each subscription gets its span, and
	 * one never subscribed gets none. Only a failure to assemble it is recorded at once.
	 */
	private Object invokePublisher(MethodInvocation invocation, TracedMethod method) throws Throwable {
		Object[] arguments = invocation.getArguments();
		Object publisher;
		try {
			publisher = invocation.proceed();
		}
		catch (Throwable failure) {
			Span span = startSpan(method, Context.current(), arguments);
			TracedMethod.recordFailure(span, failure);
			span.end();
			throw failure;
		}
		return ReactorResults.tracePerSubscription(publisher, (parent) -> startSpan(method, parent, arguments));
	}

	private Span startSpan(TracedMethod method, Context parent, Object[] arguments) {
		Span span = this.tracer.tracer().spanBuilder(method.spanName)
			.setParent(parent)
			.setSpanKind(method.kind)
			.startSpan();
		if (span.isRecording()) {
			method.recordAttributes(span, arguments);
		}
		return span;
	}

}
