package io.github.oteltracing.load.pair;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The back of the pair: a little work per request, so that the pair measures tracing
 * against a service that does something, however small.
 */
@RestController
@ConditionalOnProperty(name = "pair.role", havingValue = "back")
class BackController {

	@GetMapping("/back/{id}")
	Quote quote(@PathVariable int id) {
		long checksum = id;
		for (int i = 0; i < 2000; i++) {
			checksum = checksum * 31 + (i ^ id);
		}
		return new Quote(id, checksum);
	}

	record Quote(int id, long checksum) {
	}

}
