package io.github.oteltracing.benchmarks.shared;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.aopalliance.aop.Advice;

import org.springframework.aop.aspectj.AbstractAspectJAdvice;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.interceptor.ExposeInvocationInterceptor;
import org.springframework.aop.support.AopUtils;

/**
 * Checks, before a variant is measured, that it does what its name says: a variant that
 * silently measured an untraced call would be worse than none.
 */
public final class SetupChecks {

	private SetupChecks() {
	}

	/**
	 * Requires the bean to be a Spring AOP proxy whose advice comes from exactly the given
	 * aspect or interceptor classes, in order. The exposing interceptor that Spring adds for
	 * AspectJ advice is not counted.
	 * @param variant the benchmark, for messages
	 * @param bean the bean from the context
	 * @param adviceOrigins class names of the aspects or interceptors
	 */
	public static void requireAdvisedBy(String variant, Object bean, String... adviceOrigins) {
		if (!AopUtils.isAopProxy(bean) || !(bean instanceof Advised advised)) {
			throw new IllegalStateException(variant + ": " + bean.getClass().getName() + " is not a Spring AOP proxy");
		}
		List<String> chain = Arrays.stream(advised.getAdvisors()).map((advisor) -> origin(advisor.getAdvice())).toList();
		List<String> origins = chain.stream()
			.filter((origin) -> !origin.equals(ExposeInvocationInterceptor.class.getName()))
			.toList();
		if (!origins.equals(List.of(adviceOrigins))) {
			throw new IllegalStateException(
					variant + ": expected advice from " + List.of(adviceOrigins) + " but the proxy has " + chain);
		}
		report(variant, "proxy advice " + chain);
	}

	private static String origin(Advice advice) {
		if (advice instanceof AbstractAspectJAdvice aspectJAdvice) {
			return aspectJAdvice.getAspectJAdviceMethod().getDeclaringClass().getName();
		}
		return advice.getClass().getName();
	}

	/**
	 * Requires a call to run with no span current.
	 */
	public static void requireNoSpan(String variant, LongUnaryOperator method) {
		SpanContext inside = Work.probe(method);
		if (inside.isValid()) {
			throw new IllegalStateException(variant + ": expected no span, but " + inside + " was current");
		}
		report(variant, "no span, as expected");
	}

	/**
	 * Requires a call to make a sampled span current while it runs and to export it, under
	 * the span name every variant uses and from the given instrumentation scope.
	 * @param variant the benchmark, for messages
	 * @param method the benchmarked method
	 * @param exporter the exporter at the end of the variant's pipeline
	 * @param flush flushes the variant's span processor
	 * @param scope the instrumentation scope the span must come from
	 */
	public static void requireExportedSpan(String variant, LongUnaryOperator method, CountingSpanExporter exporter,
			Supplier<CompletableResultCode> flush, String scope) {
		SpanContext inside = Work.probe(method);
		if (!inside.isValid() || !inside.isSampled()) {
			throw new IllegalStateException(variant + ": expected a sampled span current in the method, found " + inside);
		}
		join(variant, flush.get());
		SpanData last = exporter.last();
		if (last == null || !last.getSpanContext().getSpanId().equals(inside.getSpanId())) {
			throw new IllegalStateException(variant + ": the span " + inside + " was not exported (last exported: "
					+ ((last != null) ? last.getSpanContext() : "none") + ")");
		}
		if (!last.getName().equals(Work.SPAN_NAME) || !last.getInstrumentationScopeInfo().getName().equals(scope)) {
			throw new IllegalStateException(variant + ": expected span '" + Work.SPAN_NAME + "' from scope " + scope
					+ " but got '" + last.getName() + "' from " + last.getInstrumentationScopeInfo().getName());
		}
		report(variant, "span '" + last.getName() + "' from " + scope + " exported, " + last.getAttributes().size()
				+ " attribute(s) " + last.getAttributes().asMap().keySet() + ", " + mdc());
	}

	/**
	 * Requires a call to make a valid but unsampled span current while it runs, and to
	 * export nothing.
	 */
	public static void requireUnsampledSpan(String variant, LongUnaryOperator method, CountingSpanExporter exporter,
			Supplier<CompletableResultCode> flush) {
		long before = exporter.exported();
		SpanContext inside = Work.probe(method);
		if (!inside.isValid() || inside.isSampled()) {
			throw new IllegalStateException(variant + ": expected an unsampled span current in the method, found " + inside);
		}
		join(variant, flush.get());
		if (exporter.exported() != before) {
			throw new IllegalStateException(variant + ": an unsampled span was exported");
		}
		report(variant, "unsampled span current in the method, nothing exported, " + mdc());
	}

	private static String mdc() {
		return (Work.probedMdcTraceId() != null) ? "trace_id in the MDC" : "no trace_id in the MDC";
	}

	private static void join(String variant, CompletableResultCode result) {
		if (!result.join(10, TimeUnit.SECONDS).isSuccess()) {
			throw new IllegalStateException(variant + ": the span processor did not flush within 10 s");
		}
	}

	private static void report(String variant, String message) {
		System.out.println("[setup check] " + variant + ": " + message);
	}

}
