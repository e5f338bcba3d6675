package io.github.oteltracing.internal.traced;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import org.springframework.aop.SpringProxy;
import org.springframework.aop.framework.Advised;
import org.springframework.core.DecoratingProxy;
import org.springframework.util.ClassUtils;

/**
 * Finds the type the user wrote behind a proxy: it names spans and carries the type's
 * {@code @Traced}.
 */
final class UserTypes {

	private UserTypes() {
	}

	/**
	 * The target class without any CGLIB subclass; for a JDK proxy (a Spring Data
	 * repository, say), the first interface the proxy was made for that has the method,
	 * never the generated {@code $Proxy} class.
	 */
	static Class<?> of(Method method, Class<?> targetClass) {
		if (!Proxy.isProxyClass(targetClass)) {
			return ClassUtils.getUserClass(targetClass);
		}
		for (Class<?> candidate : targetClass.getInterfaces()) {
			if (!isProxyInfrastructure(candidate) && method.getDeclaringClass().isAssignableFrom(candidate)) {
				return candidate;
			}
		}
		return method.getDeclaringClass();
	}

	// The interfaces Spring's proxies add for themselves, as AopProxyUtils.proxiedUserInterfaces leaves out.
	private static boolean isProxyInfrastructure(Class<?> type) {
		return SpringProxy.class.isAssignableFrom(type) || Advised.class.isAssignableFrom(type)
				|| DecoratingProxy.class.isAssignableFrom(type);
	}

}
