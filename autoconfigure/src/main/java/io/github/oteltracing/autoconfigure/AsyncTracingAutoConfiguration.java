package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.async.ExecutorContextPostProcessor;
import io.opentelemetry.context.Context;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The current span follows tasks onto {@link ThreadPoolTaskExecutor} and
 * {@code SimpleAsyncTaskExecutor} beans: {@code @Async} methods,
 * {@code execute}/{@code submit} and {@code CompletableFuture} stages run on them.
 * Always on while tracing is.
 */
@AutoConfiguration
@ConditionalOnClass({ Context.class, ThreadPoolTaskExecutor.class })
@ConditionalOnTracingEnabled
public final class AsyncTracingAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ExecutorContextPostProcessor tracingExecutorContextPostProcessor() {
		return new ExecutorContextPostProcessor();
	}

}
