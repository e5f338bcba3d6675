package io.github.oteltracing.internal.exporter;

import java.util.ArrayList;
import java.util.List;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small traced Spring MVC service for the export tests: each {@code GET /work/{id}}
 * makes three spans (the server span and two {@code @Traced} steps). Run by the fault
 * tests in their own JVM and, through {@link #main(String[])}, as a process of its own by
 * the shutdown test.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ ExportTestApp.WorkController.class, ExportTestApp.Steps.class })
public class ExportTestApp {

	static final int SPANS_PER_REQUEST = 3;

	static ConfigurableApplicationContext start(String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
				"spring.main.banner-mode=off", "spring.application.name=export-test",
				"spring.mvc.servlet.load-on-startup=1", "logging.level.root=warn",
				"logging.level.io.github.oteltracing.exporter=info"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(ExportTestApp.class).web(WebApplicationType.SERVLET)
			.properties(all.toArray(String[]::new))
			.run();
	}

	static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Starts the service with the given {@code --key=value} arguments and prints
	 * {@code READY <port>} once it serves requests.
	 * @param args Spring Boot arguments
	 */
	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ExportTestApp.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"spring.application.name=export-test", "logging.level.root=warn")
			.run(args);
		System.out.println("READY " + port(context));
		System.out.flush();
	}

	@RestController
	static class WorkController {

		private final Steps steps;

		WorkController(Steps steps) {
			this.steps = steps;
		}

		@GetMapping("/work/{id}")
		String work(@PathVariable String id) {
			return this.steps.check(id) + this.steps.store(id);
		}

	}

	static class Steps {

		@Traced
		public String check(@SpanAttribute("work.id") String id) {
			return "checked-" + id;
		}

		@Traced
		public String store(@SpanAttribute("work.id") String id) {
			return ",stored-" + id;
		}

	}

}
