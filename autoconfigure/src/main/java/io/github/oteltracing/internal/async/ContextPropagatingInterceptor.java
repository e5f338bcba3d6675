package io.github.oteltracing.internal.async;

import java.util.concurrent.Callable;

import io.opentelemetry.context.Context;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Wraps the task handed to an executor so that it runs in the submitter's context, and
 * closes that scope when the task ends. With no context to carry the task is passed on
 * untouched.
 */
final class ContextPropagatingInterceptor implements MethodInterceptor {

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Object[] arguments = invocation.getArguments();
		if (arguments.length > 0) {
			Context context = Context.current();
			if (context != Context.root()) {
				if (arguments[0] instanceof Runnable task) {
					arguments[0] = context.wrap(task);
				}
				else if (arguments[0] instanceof Callable<?> task) {
					arguments[0] = context.wrap(task);
				}
			}
		}
		return invocation.proceed();
	}

}
