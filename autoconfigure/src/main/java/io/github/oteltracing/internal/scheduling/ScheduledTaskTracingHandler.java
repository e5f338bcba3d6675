package io.github.oteltracing.internal.scheduling;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.internal.instrumentation.LazyTracer;
import io.github.oteltracing.internal.instrumentation.SpanFailures;
import io.github.oteltracing.internal.traced.SpanNames;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.semconv.CodeAttributes;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.util.ClassUtils;

/**
 * Traces each run of a {@code @Scheduled} method, which Spring reports as an observation,
 * in a root INTERNAL span named like a {@code @Traced} method. Root because a run belongs
 * to no request, whatever context was current when the task was scheduled. A method that
 * is {@code @Traced} as well gets its one span from that annotation, also as a root.
 */
final class ScheduledTaskTracingHandler implements ObservationHandler<ScheduledTaskObservationContext> {

	static final String INSTRUMENTATION_SCOPE = "io.github.oteltracing.scheduling";

	private final LazyTracer tracing;

	private final Map<Method, ScheduledMethod> methods = new ConcurrentHashMap<>();

	ScheduledTaskTracingHandler(ObjectProvider<OpenTelemetry> openTelemetry) {
		this.tracing = new LazyTracer(openTelemetry::getObject, INSTRUMENTATION_SCOPE);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ScheduledTaskObservationContext;
	}

	@Override
	public void onStart(ScheduledTaskObservationContext context) {
		ScheduledMethod method = this.methods.computeIfAbsent(context.getMethod(),
				(key) -> ScheduledMethod.of(key, context.getTargetClass()));
		if (method.spanName == null) {
			return;
		}
		Span span = this.tracing.tracer().spanBuilder(method.spanName)
			.setNoParent()
			.setSpanKind(SpanKind.INTERNAL)
			.setAttribute(CodeAttributes.CODE_FUNCTION_NAME, method.functionName)
			.startSpan();
		context.put(Span.class, span);
	}

	@Override
	public void onScopeOpened(ScheduledTaskObservationContext context) {
		Span span = context.get(Span.class);
		Context run = (span != null) ? Context.root().with(span) : Context.root();
		context.put(Scope.class, run.makeCurrent());
	}

	@Override
	public void onScopeClosed(ScheduledTaskObservationContext context) {
		Scope scope = (Scope) context.remove(Scope.class);
		if (scope != null) {
			scope.close();
		}
	}

	@Override
	public void onError(ScheduledTaskObservationContext context) {
		Span span = context.get(Span.class);
		Throwable error = context.getError();
		if (span == null || error == null) {
			return;
		}
		Throwable cause = (error instanceof UndeclaredThrowableException && error.getCause() != null)
				? error.getCause() : error;
		SpanFailures.record(span, cause);
	}

	@Override
	public void onStop(ScheduledTaskObservationContext context) {
		Span span = (Span) context.remove(Span.class);
		if (span != null) {
			span.end();
		}
	}

	/**
	 * What does not change between runs of one scheduled method.
	 */
	private static final class ScheduledMethod {

		/** {@code null} when {@code @Traced} names and makes the span. */
		final String spanName;

		final String functionName;

		private ScheduledMethod(String spanName, String functionName) {
			this.spanName = spanName;
			this.functionName = functionName;
		}

		static ScheduledMethod of(Method method, Class<?> targetClass) {
			Class<?> userClass = ClassUtils.getUserClass(targetClass);
			Method specific = AopUtils.getMostSpecificMethod(method, userClass);
			// As TracedAdvisors match: the method, or a public method of an annotated class.
			boolean traced = AnnotatedElementUtils.hasAnnotation(specific, Traced.class)
					|| (Modifier.isPublic(specific.getModifiers())
							&& AnnotatedElementUtils.hasAnnotation(userClass, Traced.class));
			String name = traced ? null : SpanNames.derive(specific.getName(), userClass.getSimpleName());
			return new ScheduledMethod(name, userClass.getName() + "." + specific.getName());
		}

	}

}
