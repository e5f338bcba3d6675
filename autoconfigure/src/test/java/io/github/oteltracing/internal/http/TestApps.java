package io.github.oteltracing.internal.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.api.trace.Span;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatReactiveWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * Small real applications on loopback ports for the HTTP tests: an upstream that calls a
 * downstream with each client, and downstreams on Spring MVC and on WebFlux.
 */
final class TestApps {

	private TestApps() {
	}

	static ConfigurableApplicationContext start(Class<?> app, WebApplicationType type, TraceSink sink,
			String serviceName, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
				"spring.main.banner-mode=off", "spring.application.name=" + serviceName,
				"tracing.exporter.otlp.endpoint=" + sink.endpoint(), "tracing.exporter.batch.schedule-delay=50ms",
				"logging.level.root=warn", "spring.reactor.netty.shutdown-quiet-period=0s"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(app).web(type).properties(all.toArray(String[]::new)).run();
	}

	static String baseUrl(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(DownstreamController.class)
	static class MvcDownstream {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReactiveDownstreamController.class)
	static class ReactiveDownstream {

	}

	/** WebFlux on a servlet container: the request is served through servlet async I/O. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(ReactiveDownstreamController.class)
	static class ReactiveTomcatDownstream {

		@Bean
		TomcatReactiveWebServerFactory tomcatReactiveWebServerFactory() {
			return new TomcatReactiveWebServerFactory();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ UpstreamController.class, Steps.class })
	static class MvcUpstream {

	}

	@RestController
	static class DownstreamController {

		@GetMapping("/items/{id}")
		String item(@PathVariable String id) {
			return "item-" + id;
		}

		@GetMapping("/missing/{id}")
		ResponseEntity<String> missing(@PathVariable String id) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body("no " + id);
		}

		@GetMapping("/broken")
		String broken() {
			throw new IllegalStateException("broken");
		}

		@GetMapping("/silent")
		String silent() {
			throw new IllegalStateException();
		}

		// Never answered: Spring MVC answers 503 when the async request times out.
		@GetMapping("/deferred")
		DeferredResult<String> deferred() {
			return new DeferredResult<>(100L);
		}

		@GetMapping("/internal/ping")
		String ping() {
			return "pong";
		}

	}

	@RestController
	static class ReactiveDownstreamController {

		@GetMapping("/items/{id}")
		Mono<String> item(@PathVariable String id) {
			return Mono.just("item-" + id);
		}

		// Answers, on a timer thread, with the span current there.
		@GetMapping("/hop")
		Mono<String> hop() {
			return Mono.delay(Duration.ofMillis(5)).map((tick) -> Span.current().getSpanContext().getSpanId());
		}

		@GetMapping("/broken")
		Mono<String> broken() {
			return Mono.error(new IllegalStateException("broken"));
		}

		@GetMapping("/missing/{id}")
		Mono<String> missing(@PathVariable String id) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + id));
		}

		@GetMapping("/silent")
		Mono<String> silent() {
			return Mono.error(new IllegalStateException());
		}

		@GetMapping("/conflict")
		Mono<String> conflict() {
			return Mono.error(new ErrorResponseException(HttpStatus.CONFLICT));
		}

		@GetMapping("/annotated")
		Mono<String> annotated() {
			return Mono.error(new OutOfStockException());
		}

	}

	@ResponseStatus(HttpStatus.CONFLICT)
	static class OutOfStockException extends RuntimeException {

	}

	static class Steps {

		@Traced
		public String loadItem(String client, String path, UpstreamController controller) {
			return controller.send(client, path);
		}

	}

	@RestController
	static class UpstreamController {

		private final RestTemplate restTemplate;

		private final RestClient restClient;

		private final WebClient webClient;

		private final Steps steps;

		UpstreamController(RestTemplateBuilder restTemplates, RestClient.Builder restClients,
				WebClient.Builder webClients, Steps steps, @Value("${downstream.url}") String downstream) {
			this.restTemplate = restTemplates.rootUri(downstream).build();
			this.restClient = restClients.baseUrl(downstream).build();
			this.webClient = webClients.baseUrl(downstream).build();
			this.steps = steps;
		}

		@GetMapping("/call/{client}/items/{id}")
		String call(@PathVariable String client, @PathVariable String id) {
			return send(client, "/items/" + id);
		}

		@GetMapping("/traced/{client}/items/{id}")
		String traced(@PathVariable String client, @PathVariable String id) {
			return this.steps.loadItem(client, "/items/" + id, this);
		}

		@GetMapping("/call/{client}/broken")
		String broken(@PathVariable String client) {
			return send(client, "/broken");
		}

		String send(String client, String path) {
			return switch (client) {
				case "rest-template" -> this.restTemplate.getForObject(path, String.class);
				case "rest-client" -> this.restClient.get().uri(path).retrieve().body(String.class);
				case "web-client" -> this.webClient.get().uri(path).retrieve().bodyToMono(String.class).block();
				default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, client);
			};
		}

	}

}
