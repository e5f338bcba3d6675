package io.github.oteltracing.coexistence;

import java.time.Duration;

import io.github.oteltracing.acceptance.InventoryService;
import io.github.oteltracing.acceptance.ShopApplication;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's own OTLP span export setting, given beside the starter's: Spring Boot's
 * exporter is left out, and spans go where {@code tracing.exporter.*} says, once. (With
 * both exporters the application would not even start: the batch processor would have two
 * to choose from.)
 */
class BootExporterSettingsTests {

	private static final Duration QUIET = Duration.ofMillis(500);

	@Test
	void spansGoToTheStartersEndpointOnly() throws Exception {
		try (TraceSink starters = TraceSink.startHttp(0); TraceSink boots = TraceSink.startHttp(0);
				ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
					.web(WebApplicationType.NONE)
					.run("--spring.main.banner-mode=off", "--tracing.exporter.otlp.endpoint=" + starters.endpoint(),
							"--tracing.exporter.batch.schedule-delay=50ms",
							"--management.opentelemetry.tracing.export.otlp.endpoint=" + boots.endpoint() + "/v1/traces")) {
			assertThat(context.getBeanNamesForType(SpanExporter.class)).hasSize(1);
			context.getBean(InventoryService.class).reserveStock("pen", 1);
			assertThat(starters.awaitSpans(1, Duration.ofSeconds(10))).hasSize(1);
			Thread.sleep(QUIET.toMillis());
			assertThat(starters.spans()).hasSize(1);
			assertThat(boots.requests()).isEmpty();
		}
	}

}
