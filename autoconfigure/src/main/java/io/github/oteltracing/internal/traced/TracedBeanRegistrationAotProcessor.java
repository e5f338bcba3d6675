package io.github.oteltracing.internal.traced;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import io.github.oteltracing.annotation.Traced;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers reflection hints for the traced methods of each bean, found at build time:
 * in a native image, their annotations and parameter names are read reflectively when
 * the advisor first meets them.
 */
class TracedBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> beanClass = ClassUtils.getUserClass(registeredBean.getBeanClass());
		if (!AnnotationUtils.isCandidateClass(beanClass, Traced.class)) {
			return null;
		}
		List<Method> traced = new ArrayList<>();
		ReflectionUtils.doWithMethods(beanClass, traced::add, (method) -> TracedMethod.isTraced(method, beanClass));
		if (traced.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			traced.forEach((method) -> reflection.registerMethod(method, ExecutableMode.INVOKE));
		};
	}

}
