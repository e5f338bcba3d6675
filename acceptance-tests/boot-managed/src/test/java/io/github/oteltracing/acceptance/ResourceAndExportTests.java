package io.github.oteltracing.acceptance;

import java.util.UUID;

import io.github.oteltracing.sink.ExportRequest;
import io.github.oteltracing.sink.ReceivedSpan;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.github.oteltracing.acceptance.ReceivedSpans.awaitSpan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * DESIGN section 4: the resource every span is exported with, and the requests that carry
 * them, as configured by {@link SharedContextTests}.
 */
class ResourceAndExportTests extends SharedContextTests {

	@Autowired
	private InventoryService inventory;

	@Test
	void resourceDescribesTheService() {
		String sku = "resource-" + UUID.randomUUID();
		this.inventory.reserveStock(sku, 1);
		ReceivedSpan span = awaitSpan(sink, "reserve-stock", "sku", sku);
		assertThat(span.resourceAttributes()).contains(entry("service.name", "acceptance-shop"),
				entry("service.version", "1.2.3"), entry("deployment.environment.name", "acceptance"),
				entry("team", "checkout"), entry("k8s.cluster.name", "kind-local"),
				entry("process.pid", ProcessHandle.current().pid()), entry("telemetry.sdk.name", "opentelemetry"),
				entry("telemetry.sdk.language", "java"),
				entry("telemetry.sdk.version", OpenTelemetryVersionTests.expectedVersion()));
		assertThat(span.resourceAttribute("host.name")).isInstanceOf(String.class)
			.asString()
			.isNotBlank();
	}

	@Test
	void everyExportRequestCarriesTheConfiguredHeaderAndIsGzipped() {
		String sku = "request-" + UUID.randomUUID();
		this.inventory.reserveStock(sku, 1);
		awaitSpan(sink, "reserve-stock", "sku", sku);
		assertThat(sink.requests()).isNotEmpty().allSatisfy((request) -> {
			assertThat(request.path()).isEqualTo("/v1/traces");
			assertThat(request.header("x-api-key")).isEqualTo("acceptance-secret");
			assertThat(request.header("content-type")).isEqualTo("application/x-protobuf");
			assertThat(request.contentEncoding()).isEqualTo("gzip");
		});
		assertThat(sink.requests()).extracting(ExportRequest::spanCount).allMatch((count) -> count > 0);
	}

}
