package io.github.oteltracing.internal.logging;

import java.util.concurrent.CompletableFuture;

import io.github.oteltracing.annotation.Traced;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * An ordinary application, run in a JVM of its own by {@link TraceMdcStartupTests}: the
 * MDC hook must be installed by the starter alone, before a bean of the application uses
 * the OpenTelemetry context.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableAsync
public class TraceMdcStartupApplication {

	private static final Logger logger = LoggerFactory.getLogger("startup-app");

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TraceMdcStartupApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "tracing.exporter.type=none", "logging.level.root=warn",
					"logging.level.startup-app=info",
					"logging.pattern.console=MDC[%X{trace_id}|%X{span_id}|%X{trace_flags}] %m%n")
			.run(args)) {
			context.getBean(Work.class).run().join();
			logger.info("after");
		}
	}

	/**
	 * Uses the OpenTelemetry context while the application context starts, before the
	 * starter's own beans exist, as an application's beans may.
	 */
	@Bean
	Object earlyContextUser() {
		return Context.current();
	}

	/**
	 * Spans go nowhere, but a processor must exist: without one, newer SDKs hand out
	 * invalid spans.
	 */
	@Bean
	SpanProcessor discardingSpanProcessor() {
		return new SpanProcessor() {

			@Override
			public void onStart(Context parentContext, ReadWriteSpan span) {
			}

			@Override
			public boolean isStartRequired() {
				return false;
			}

			@Override
			public void onEnd(ReadableSpan span) {
			}

			@Override
			public boolean isEndRequired() {
				return false;
			}

		};
	}

	@Bean
	Work work(Background background) {
		return new Work(background);
	}

	@Bean
	Background background() {
		return new Background();
	}

	public static class Work {

		private final Background background;

		Work(Background background) {
			this.background = background;
		}

		@Traced
		public CompletableFuture<Void> run() {
			logger.info("inside");
			return this.background.later();
		}

	}

	public static class Background {

		@Async
		public CompletableFuture<Void> later() {
			logger.info("async");
			return CompletableFuture.completedFuture(null);
		}

	}

}
