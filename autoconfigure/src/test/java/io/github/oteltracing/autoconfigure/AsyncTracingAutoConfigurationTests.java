package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.async.ExecutorContextPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ConcurrentTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncTracingAutoConfigurationTests {

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner()
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
		.withPropertyValues("tracing.exporter.type=none");

	@Test
	void executorsKeepTheirTypeAndCarryContext() {
		this.runner.withBean("userExecutor", ThreadPoolTaskExecutor.class)
			.withBean("simpleExecutor", SimpleAsyncTaskExecutor.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ExecutorContextPostProcessor.class);
				assertThat(context.getBean("userExecutor")).isInstanceOf(ThreadPoolTaskExecutor.class)
					.matches(AopUtils::isCglibProxy);
				assertThat(context.getBean("simpleExecutor")).isInstanceOf(SimpleAsyncTaskExecutor.class)
					.matches(AopUtils::isCglibProxy);
			});
	}

	@Test
	void springBootsApplicationTaskExecutorCarriesContext() {
		this.runner.run((context) -> assertThat(context.getBean("applicationTaskExecutor"))
			.isInstanceOf(ThreadPoolTaskExecutor.class)
			.matches(AopUtils::isCglibProxy));
	}

	@Test
	void schedulersAndOtherExecutorTypesAreLeftAlone() {
		this.runner.withBean(ThreadPoolTaskScheduler.class)
			.withBean(ConcurrentTaskExecutor.class)
			.run((context) -> {
				assertThat(context.getBean(ThreadPoolTaskScheduler.class))
					.matches((scheduler) -> !AopUtils.isAopProxy(scheduler));
				assertThat(context.getBean(ConcurrentTaskExecutor.class))
					.matches((executor) -> !AopUtils.isAopProxy(executor));
			});
	}

	@Test
	void tracingDisabledLeavesExecutorsAlone() {
		this.runner.withPropertyValues("tracing.enabled=false")
			.withBean("userExecutor", ThreadPoolTaskExecutor.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ExecutorContextPostProcessor.class);
				assertThat(context.getBean("userExecutor")).matches((executor) -> !AopUtils.isAopProxy(executor));
			});
	}

}
