package io.github.oteltracing.traced;

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
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new TracedPointcut(),
				new TracedMethodInterceptor(openTelemetry));
		return advisor;
	}

	private static final class TracedPointcut extends StaticMethodMatcherPointcut {

		TracedPointcut() {
			setClassFilter(new TracedClassFilter());
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return TracedMethod.isTraced(method, targetClass);
		}

	}

	private static final class TracedClassFilter implements ClassFilter {

		@Override
		public boolean matches(Class<?> clazz) {
			return AnnotationUtils.isCandidateClass(clazz, Traced.class);
		}

	}

}
