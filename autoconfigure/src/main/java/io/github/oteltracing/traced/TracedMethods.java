package io.github.oteltracing.traced;

import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.MethodClassKey;

/**
 * Cache of {@link TracedMethod}s. Nearly every method is called on one class only, so the
 * first class seen is looked up by the method alone, without allocating a key.
 */
final class TracedMethods {

	private final ConcurrentHashMap<Method, TracedMethod> byMethod = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<MethodClassKey, TracedMethod> byMethodAndClass = new ConcurrentHashMap<>();

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

}
