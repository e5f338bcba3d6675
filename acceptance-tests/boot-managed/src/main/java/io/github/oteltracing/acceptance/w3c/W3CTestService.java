package io.github.oteltracing.acceptance.w3c;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The test service the W3C Trace Context test harness ({@code w3c/trace-context},
 * {@code test/}) calls, active with the {@code w3c} profile: {@code POST /test} receives a
 * list of actions and posts each action's arguments to its url. The only tracing code is
 * the starter's; the harness checks the headers it receives back.
 */
public final class W3CTestService {

	private W3CTestService() {
	}

	/**
	 * One call the harness asks for.
	 * @param url where to post
	 * @param arguments the body to post, itself a list of actions
	 */
	public record Action(String url, List<Action> arguments) {

		List<Action> body() {
			return (this.arguments != null) ? this.arguments : List.of();
		}

	}

	@RestController
	@Profile("w3c")
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class MvcController {

		private final RestClient restClient;

		MvcController(RestClient.Builder restClients) {
			this.restClient = restClients.build();
		}

		@PostMapping("/test")
		void test(@RequestBody List<Action> actions) {
			for (Action action : actions) {
				this.restClient.post().uri(action.url()).body(action.body()).retrieve().toBodilessEntity();
			}
		}

	}

	@RestController
	@Profile("w3c")
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class WebFluxController {

		private final WebClient webClient;

		WebFluxController(WebClient.Builder webClients) {
			this.webClient = webClients.build();
		}

		@PostMapping("/test")
		Mono<Void> test(@RequestBody List<Action> actions) {
			return Flux.fromIterable(actions)
				.concatMap((action) -> this.webClient.post()
					.uri(action.url())
					.bodyValue(action.body())
					.retrieve()
					.toBodilessEntity())
				.then();
		}

	}

}
