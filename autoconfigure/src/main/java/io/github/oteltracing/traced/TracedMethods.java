package io.github.oteltracing.traced;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodClassKey;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Cache of {@link TracedMethod}s. Nearly every method is called on one class only, so the
 * first class seen is looked up by the method alone, without allocating a key.
 */
final class TracedMethods {

	private final ConcurrentHashMap<Method, TracedMethod> byMethod = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<MethodClassKey, TracedMethod> byMethodAndClass = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<Class<?>, Boolean> classes = new ConcurrentHashMap<>();

	TracedMethod get(Method method, Class<?> targetClass) {
		TracedMethod traced = this.byMethod.get(method);
		if (traced != null && traced.targetClass == targetClass) {
			return traced;
		}
		if (traced == null) {
			traced = this.byMethod.computeIfAbsent(method, (key) -> TracedMethod.of(key, targetClass));
			if (traced.targetClass == targetClass) {
				return traced;
			}
		}
		return this.byMethodAndClass.computeIfAbsent(new MethodClassKey(method, targetClass),
				(key) -> TracedMethod.of(method, targetClass));
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

}
