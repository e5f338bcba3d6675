package io.github.oteltracing.internal.async;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Makes {@link ThreadPoolTaskExecutor} and {@link SimpleAsyncTaskExecutor} beans (the
 * executors Spring Boot builds and applications usually declare) run their tasks in the
 * context they were submitted from: {@code @Async} methods, {@code execute}/{@code submit}
 * calls and {@code CompletableFuture} stages given the executor.
 *
 * <p>A class-based proxy rather than {@code setTaskDecorator}: an executor has no getter
 * for its decorator, so setting ours would silently replace the application's own (one
 * Spring Boot applied from a {@code TaskDecorator} bean, or one set by hand). The proxy
 * keeps the bean's type and whatever decorator it has. Other executor types are left
 * alone because their public final methods (such as {@code setTaskDecorator} on
 * {@code ConcurrentTaskExecutor}) would act on the proxy instead of the bean; schedulers
 * too, as a periodic task must not run forever in the context it was scheduled from.
 */
public final class ExecutorContextPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	/**
	 * Creates the post-processor; its advice goes before any other on the executors.
	 */
	public ExecutorContextPostProcessor() {
		this.advisor = new DefaultPointcutAdvisor(new SubmitMethods(), new ContextPropagatingInterceptor());
		setProxyTargetClass(true);
		setBeforeExistingAdvisors(true);
	}

	private static final class SubmitMethods extends StaticMethodMatcherPointcut {

		private static final Set<String> NAMES = Set.of("execute", "submit", "submitListenable", "submitCompletable");

		SubmitMethods() {
			setClassFilter(SubmitMethods::isExecutor);
		}

		private static boolean isExecutor(Class<?> type) {
			// SimpleAsyncTaskExecutor's three final getters answer from the proxy's unset state; they are
			// rarely called from outside. Final classes cannot be subclassed, and an interface proxy would
			// change the bean's type.
			return (ThreadPoolTaskExecutor.class.isAssignableFrom(type)
					|| SimpleAsyncTaskExecutor.class.isAssignableFrom(type))
					&& !TaskScheduler.class.isAssignableFrom(type) && !Modifier.isFinal(type.getModifiers());
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			if (!NAMES.contains(method.getName()) || method.getParameterCount() == 0) {
				return false;
			}
			Class<?> task = method.getParameterTypes()[0];
			return task == Runnable.class || task == Callable.class;
		}

	}

}
