package io.github.oteltracing.test;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small Spring MVC application whose requests make a server span and a traced child.
 */
@SpringBootApplication
class CaptureTestApplication {

	@RestController
	static class GreetingController {

		private final GreetingService greetings;

		GreetingController(GreetingService greetings) {
			this.greetings = greetings;
		}

		@GetMapping("/greet/{name}")
		String greet(@PathVariable String name, @RequestParam(defaultValue = "none") String password) {
			return this.greetings.composeGreeting(name, password);
		}

	}

	@Service
	static class GreetingService {

		@Traced
		public String composeGreeting(@SpanAttribute("greeting.name") String name,
				@SpanAttribute("user.password") String password) {
			if (name.equals("nobody")) {
				throw new IllegalArgumentException("Nobody to greet");
			}
			return "Hello, " + name;
		}

	}

}
