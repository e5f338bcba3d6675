package io.github.oteltracing.async;

import io.opentelemetry.context.Context;

import org.springframework.core.task.TaskDecorator;

/**
 * A {@link TaskDecorator} that runs each task in the OpenTelemetry context it was
 * submitted from. The starter already covers executor beans; this is for executors
 * created outside the application context, for example one returned by
 * {@code AsyncConfigurer.getAsyncExecutor()} that is not a bean. Combine it with other
 * decorators through Spring's {@code CompositeTaskDecorator}.
 */
public final class ContextTaskDecorator implements TaskDecorator {

	@Override
	public Runnable decorate(Runnable runnable) {
		Context context = Context.current();
		return (context != Context.root()) ? context.wrap(runnable) : runnable;
	}

}
