package io.github.oteltracing.internal.traced;

import java.lang.reflect.Method;

import io.github.oteltracing.annotation.Traced;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Creates the advisor that traces {@code @Traced} methods.
 */
public final class TracedAdvisors {

	private TracedAdvisors() {
	}

	/**
	 * Creates the advisor.
	 * @param openTelemetry where the tracer comes from, resolved on first call
	 * @return the advisor, for any Spring auto-proxy creator
	 */
	public static Advisor create(ObjectProvider<OpenTelemetry> openTelemetry) {
		TracedMethods methods = new TracedMethods();
		return new DefaultPointcutAdvisor(new TracedPointcut(methods), new TracedMethodInterceptor(openTelemetry, methods));
	}

	private static final class TracedPointcut extends StaticMethodMatcherPointcut {

		TracedPointcut(TracedMethods methods) {
			setClassFilter(new TracedClassFilter(methods));
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return TracedMethod.isTraced(method, targetClass);
		}

	}

	/**
	 * Matches classes with at least one traced method, reading all of them while the bean
	 * is proxied: a malformed annotation fails start-up, not a call.
	 */
	private static final class TracedClassFilter implements ClassFilter {

		private final TracedMethods methods;

		TracedClassFilter(TracedMethods methods) {
			this.methods = methods;
		}

		@Override
		public boolean matches(Class<?> clazz) {
			return AnnotationUtils.isCandidateClass(clazz, Traced.class) && this.methods.hasTracedMethods(clazz);
		}

	}

}
