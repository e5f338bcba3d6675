package io.github.oteltracing.boot4.capture;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.test.AutoConfigureTracingCapture;
import io.github.oteltracing.test.CapturedSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

/**
 * The test-support artifact on Spring Boot 4: {@code @AutoConfigureTracingCapture}
 * captures a request's spans, and each test starts with none.
 */
@SpringBootTest(classes = TracingCaptureTests.App.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "spring.main.banner-mode=off" })
@AutoConfigureTracingCapture
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracingCaptureTests {

	@Autowired
	CapturedSpans spans;

	@LocalServerPort
	int port;

	@Test
	@Order(1)
	void capturesTheServerSpanAndItsTracedChild() {
		RestClient.create("http://127.0.0.1:" + this.port).get().uri("/items/42").retrieve().toBodilessEntity();
		SpanData server = this.spans.awaitSpan("GET /items/{id}");
		assertThat(server).hasKind(SpanKind.SERVER).hasNoParent();
		assertThat(this.spans.awaitSpan("find-item")).hasParent(server)
			.hasAttribute(AttributeKey.stringKey("item.id"), "42");
	}

	@Test
	@Order(2)
	void startsEachTestWithNoSpans() {
		assertThat(this.spans.spans()).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ ItemController.class, ItemService.class })
	static class App {

	}

	@RestController
	static class ItemController {

		private final ItemService items;

		ItemController(ItemService items) {
			this.items = items;
		}

		@GetMapping("/items/{id}")
		String item(@PathVariable String id) {
			return this.items.findItem(id);
		}

	}

	@Service
	static class ItemService {

		@Traced
		public String findItem(@SpanAttribute("item.id") String id) {
			return "item-" + id;
		}

	}

}
