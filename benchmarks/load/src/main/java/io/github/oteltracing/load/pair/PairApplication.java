package io.github.oteltracing.load.pair;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One side of the two-service pair of the load runs ({@code LOAD_FLOW=pair load/run.sh}):
 * {@code --pair.role=front} answers {@code GET /front} by calling the back over a
 * {@code RestTemplate}, {@code --pair.role=back} answers {@code GET /back/{id}} with a
 * little work. Three spans per request with tracing on: the front's server and client
 * spans and the back's server span. Started from the inventory service's runnable jar
 * (Spring MVC on Tomcat, the starter), with this jar on the loader path.
 */
@SpringBootApplication
public class PairApplication {

	public static void main(String[] args) {
		SpringApplication.run(PairApplication.class, args);
	}

}
