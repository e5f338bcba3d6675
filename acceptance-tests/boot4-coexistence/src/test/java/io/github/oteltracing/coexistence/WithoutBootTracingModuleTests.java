package io.github.oteltracing.coexistence;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.oteltracing.autoconfigure.MicrometerTracingBridgeAutoConfiguration;
import io.github.oteltracing.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import io.github.oteltracing.autoconfigure.PropagationAutoConfiguration;
import io.github.oteltracing.autoconfigure.SamplingAutoConfiguration;
import io.github.oteltracing.autoconfigure.SpanExportAutoConfiguration;
import io.github.oteltracing.sink.TraceSink;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot 4 with actuator (so its observation support) but without its tracing module:
 * the starter groups its tracing observation handlers itself, as Spring Boot's tracing
 * would, so a sender observation is one span, not one per handler.
 */
class WithoutBootTracingModuleTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void aSenderObservationIsOneSpan() {
		try (TraceSink sink = TraceSink.startHttp(0)) {
			new ApplicationContextRunner()
				.withClassLoader(new FilteredClassLoader("org.springframework.boot.micrometer.tracing."))
				.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
				.withConfiguration(startersAutoConfigurations())
				.withPropertyValues("tracing.exporter.otlp.endpoint=" + sink.endpoint(),
						"tracing.exporter.batch.schedule-delay=50ms")
				.run((context) -> {
					assertThat(context).hasBean("openTelemetryTracingObservationHandlerGroup");
					Map<String, String> headers = new HashMap<>();
					SenderContext<Map<String, String>> sender = new SenderContext<>(Map::put);
					sender.setCarrier(headers);
					Observation.createNotStarted("send-order", () -> sender, context.getBean(ObservationRegistry.class))
						.observe(() -> {
						});
					sink.awaitSpans(1, WAIT);
					Thread.sleep(300);
					assertThat(sink.spans()).as("spans of one sender observation").hasSize(1);
					assertThat(headers).containsKey("traceparent");
				});
		}
	}

	// The starter's SDK and its Micrometer bridge, as Spring Boot would order them.
	private static AutoConfigurations startersAutoConfigurations() {
		return AutoConfigurations.of(SamplingAutoConfiguration.class, PropagationAutoConfiguration.class,
				SpanExportAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
				MicrometerTracingBridgeAutoConfiguration.class);
	}

}
