package io.github.oteltracing.coexistence;

import java.time.Duration;
import java.util.List;

import io.github.oteltracing.acceptance.CheckoutService;
import io.github.oteltracing.acceptance.OrderLine;
import io.github.oteltracing.acceptance.ShopApplication;
import io.github.oteltracing.sink.TraceSink;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tracing.enabled=false} beside Spring Boot's OpenTelemetry starter: the starter
 * defines nothing, Spring Boot's tracing SDK is left out and Micrometer falls back to its
 * no-op tracer, so no span is exported by anyone. Spring Boot's own SDK stays, with no span
 * processor, for its metrics and logs.
 */
class TracingDisabledTests {

	@Test
	void noTracerProviderAndNoSpans() throws Exception {
		try (TraceSink sink = TraceSink.startHttp(0);
				ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
					.web(WebApplicationType.NONE)
					.run("--spring.main.banner-mode=off", "--tracing.enabled=false",
							"--tracing.exporter.otlp.endpoint=" + sink.endpoint(),
							"--management.opentelemetry.tracing.export.otlp.endpoint=" + sink.endpoint() + "/v1/traces")) {
			assertThat(context.getBeanNamesForType(SdkTracerProvider.class)).isEmpty();
			assertThat(context.getBean(Tracer.class)).isSameAs(Tracer.NOOP);
			CheckoutService checkout = context.getBean(CheckoutService.class);
			assertThat(AopUtils.isAopProxy(checkout)).isFalse();
			Observation.createNotStarted("observed-checkout", context.getBean(ObservationRegistry.class))
				.observeChecked(() -> checkout.placeOrder("order-1", 1L, List.of(new OrderLine("pen", 1)), 5.0));
			// Spring Boot's SDK, if any, has no span processor: what it records goes nowhere.
			for (OpenTelemetry openTelemetry : context.getBeansOfType(OpenTelemetry.class).values()) {
				openTelemetry.getTracer("test").spanBuilder("probe").startSpan().end();
			}
			Thread.sleep(Duration.ofMillis(500).toMillis());
			assertThat(sink.spans()).isEmpty();
		}
	}

}
