package io.github.oteltracing.acceptance;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.oteltracing.acceptance.ReceivedSpans.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN section 4: {@code service.version} defaults to the build-info version and
 * {@code tracing.service-version} overrides it.
 */
class ServiceVersionTests {

	private static final String BUILD_INFO = "spring.info.build.location=classpath:acceptance-build-info.properties";

	@Test
	void serviceVersionDefaultsToTheBuildInfoVersion() {
		assertThat(exportedServiceVersion(BUILD_INFO)).isEqualTo("9.8.7");
	}

	@Test
	void configuredServiceVersionWinsOverBuildInfo() {
		assertThat(exportedServiceVersion(BUILD_INFO, "tracing.service-version=2.0.0")).isEqualTo("2.0.0");
	}

	private static Object exportedServiceVersion(String... settings) {
		try (TraceSink sink = TraceSink.startHttp(0);
				ConfigurableApplicationContext context = TestShop.start(sink, settings)) {
			context.getBean(InventoryService.class).reserveStock("pen", 1);
			ReceivedSpan span = sink.awaitSpans(1, WAIT).get(0);
			return span.resourceAttribute("service.version");
		}
	}

}
