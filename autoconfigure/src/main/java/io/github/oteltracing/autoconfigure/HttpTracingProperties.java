package io.github.oteltracing.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HTTP instrumentation: incoming requests (Spring MVC, WebFlux) and outgoing ones
 * (RestTemplate, RestClient, WebClient).
 */
@ConfigurationProperties("tracing.http")
public class HttpTracingProperties {

	private final Server server = new Server();

	private final Client client = new Client();

	public Server getServer() {
		return this.server;
	}

	public Client getClient() {
		return this.client;
	}

	public static class Server {

		/**
		 * Whether incoming requests continue the caller's trace in a SERVER span.
		 */
		private boolean enabled = true;

		/**
		 * Ant patterns of request paths that are never traced, such as health checks.
		 * Setting the list replaces the default.
		 */
		private List<String> excludePaths = new ArrayList<>(List.of("/actuator/**"));

		/**
		 * Whether every traced response carries a W3C Trace Context Level 2
		 * 'traceresponse' header (00-trace id-server span id-flags), so that clients and
		 * support staff can find the trace of any response. It tells callers the trace
		 * ids of the service.
		 */
		private boolean traceResponse;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getExcludePaths() {
			return this.excludePaths;
		}

		public void setExcludePaths(List<String> excludePaths) {
			this.excludePaths = excludePaths;
		}

		public boolean isTraceResponse() {
			return this.traceResponse;
		}

		public void setTraceResponse(boolean traceResponse) {
			this.traceResponse = traceResponse;
		}

	}

	public static class Client {

		/**
		 * Whether outgoing requests get a CLIENT span and carry the trace context.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
