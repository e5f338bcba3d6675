package io.github.oteltracing.internal.traced;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.oteltracing.traced.InvalidTracedMethodException;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Cache of {@link TracedMethod}s. Nearly every method is called on one class only, so the
 * first class seen is found by the method alone; a method inherited by several classes
 * finds the others by class in its own entry, without allocating a key.
 */
final class TracedMethods {

	private final ConcurrentHashMap<Method, PerMethod> byMethod = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Class<?>, Boolean> classes = new ConcurrentHashMap<>();

	TracedMethod get(Method method, Class<?> targetClass) {
		PerMethod perMethod = this.byMethod.get(method);
		if (perMethod == null) {
			perMethod = this.byMethod.computeIfAbsent(method,
					(key) -> new PerMethod(TracedMethod.of(key, targetClass)));
		}
		TracedMethod first = perMethod.first;
		return (first.targetClass == targetClass) ? first : perMethod.otherClass(method, targetClass);
	}

	/**
	 * Whether any method of the class is traced. Reads every traced method once, when
	 * its bean is proxied, so that one that cannot be traced fails start-up rather than
	 * a call.
	 * @throws InvalidTracedMethodException for the first method that cannot be traced
	 */
	boolean hasTracedMethods(Class<?> targetClass) {
		return this.classes.computeIfAbsent(targetClass, this::prepare);
	}

	private boolean prepare(Class<?> targetClass) {
		boolean traced = false;
		for (Method method : candidateMethods(targetClass)) {
			if (TracedMethod.isTraced(method, targetClass)) {
				get(method, targetClass);
				traced = true;
			}
		}
		return traced;
	}

	/** The methods a proxy of the class can intercept, as Spring AOP looks for them. */
	private static Set<Method> candidateMethods(Class<?> targetClass) {
		Set<Class<?>> types = new LinkedHashSet<>();
		if (!Proxy.isProxyClass(targetClass)) {
			types.add(ClassUtils.getUserClass(targetClass));
		}
		types.addAll(ClassUtils.getAllInterfacesForClassAsSet(targetClass));
		Set<Method> methods = new LinkedHashSet<>();
		for (Class<?> type : types) {
			Collections.addAll(methods, ReflectionUtils.getAllDeclaredMethods(type));
		}
		return methods;
	}

	/** A method's data for the first class it was called on, and for any others. */
	private static final class PerMethod {

		final TracedMethod first;

		private final ConcurrentHashMap<Class<?>, TracedMethod> others = new ConcurrentHashMap<>(2);

		PerMethod(TracedMethod first) {
			this.first = first;
		}

		TracedMethod otherClass(Method method, Class<?> targetClass) {
			TracedMethod traced = this.others.get(targetClass);
			return (traced != null) ? traced
					: this.others.computeIfAbsent(targetClass, (key) -> TracedMethod.of(method, key));
		}

	}

}
