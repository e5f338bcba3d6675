package io.github.oteltracing.acceptance;

import io.github.oteltracing.sink.TraceSink;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shop as a running web application exporting over http/protobuf (gzip, with an API
 * key header) to one sink. Subclasses add no configuration, so they all share one context
 * and one sink; each test tells its spans apart by values only it uses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.banner-mode=off", "tracing.exporter.batch.schedule-delay=100ms",
				"tracing.exporter.otlp.headers.x-api-key=acceptance-secret", "tracing.service-version=1.2.3",
				"tracing.environment=acceptance", "tracing.resource.attributes.team=checkout",
				"tracing.resource.attributes[k8s.cluster.name]=kind-local" })
abstract class SharedContextTests {

	// Lives as long as the cached context that exports to it, so it is never closed here.
	static final TraceSink sink = TraceSink.startHttp(0);

	@DynamicPropertySource
	static void exportToSink(DynamicPropertyRegistry registry) {
		registry.add("tracing.exporter.otlp.endpoint", sink::endpoint);
	}

}
