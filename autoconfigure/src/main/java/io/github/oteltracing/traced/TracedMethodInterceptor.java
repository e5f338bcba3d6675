package io.github.oteltracing.traced;

import io.github.oteltracing.internal.StarterTracers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
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

	private final ObjectProvider<OpenTelemetry> openTelemetry;

	private final TracedMethods methods = new TracedMethods();

	// Resolved on first use: advisors are created before most beans, the SDK need not be.
	private volatile Tracer tracer;

	TracedMethodInterceptor(ObjectProvider<OpenTelemetry> openTelemetry) {
		this.openTelemetry = openTelemetry;
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? target.getClass() : invocation.getMethod().getDeclaringClass();
		TracedMethod method = this.methods.get(invocation.getMethod(), targetClass);
		Span span = tracer().spanBuilder(method.spanName).setSpanKind(method.kind).startSpan();
		if (span.isRecording()) {
			method.recordAttributes(span, invocation.getArguments());
		}
		Object result;
		try (Scope scope = method.context(span, invocation.getArguments()).makeCurrent()) {
			result = invocation.proceed();
		}
		catch (Throwable failure) {
			TracedMethod.recordFailure(span, failure);
			span.end();
			throw failure;
		}
		return switch (method.resultType) {
			case SYNCHRONOUS -> {
				span.end();
				yield result;
			}
			case COMPLETION_STAGE -> AsyncResults.endOnCompletion(result, span);
			case REACTOR -> ReactorResults.endOnTermination(result, span);
		};
	}

	private Tracer tracer() {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			tracer = StarterTracers.tracer(this.openTelemetry.getObject(), INSTRUMENTATION_SCOPE);
			this.tracer = tracer;
		}
		return tracer;
	}

}
