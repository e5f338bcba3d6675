package io.github.oteltracing.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oteltracing.exporter.ExporterType;
import io.github.oteltracing.exporter.OtlpCompression;
import io.github.oteltracing.exporter.OtlpProtocol;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where spans are exported and how they are batched.
 */
@ConfigurationProperties("tracing.exporter")
public class ExporterProperties {

	/**
	 * Exporter: otlp (a Collector or back end), logging (the application log) or none.
	 */
	private ExporterType type = ExporterType.OTLP;

	private final Otlp otlp = new Otlp();

	private final Batch batch = new Batch();

	public ExporterType getType() {
		return this.type;
	}

	public void setType(ExporterType type) {
		this.type = type;
	}

	public Otlp getOtlp() {
		return this.otlp;
	}

	public Batch getBatch() {
		return this.batch;
	}

	public static class Otlp {

		/**
		 * Transport: http/protobuf (sent with the JDK's HttpClient) or grpc (needs a gRPC
		 * sender on the class path, such as
		 * io.opentelemetry:opentelemetry-exporter-sender-okhttp).
		 */
		private OtlpProtocol protocol = OtlpProtocol.HTTP_PROTOBUF;

		/**
		 * Base URL of the OTLP receiver. Defaults to http://localhost:4318 for
		 * http/protobuf and http://localhost:4317 for grpc; /v1/traces is appended for
		 * http/protobuf unless already there.
		 */
		private String endpoint;

		/**
		 * Headers sent with every export, for example an API key. Never logged.
		 */
		private Map<String, String> headers = new LinkedHashMap<>();

		/**
		 * Request compression: gzip or none.
		 */
		private OtlpCompression compression = OtlpCompression.GZIP;

		/**
		 * Time limit of one export request.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		/**
		 * Path of a PEM file with the certificates of a private CA, for https endpoints.
		 */
		private String trustedCertificates;

		public OtlpProtocol getProtocol() {
			return this.protocol;
		}

		public void setProtocol(OtlpProtocol protocol) {
			this.protocol = protocol;
		}

		public String getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(String endpoint) {
			if (endpoint != null && !endpoint.isBlank()) {
				checkEndpoint(endpoint.strip());
			}
			this.endpoint = endpoint;
		}

		private static void checkEndpoint(String endpoint) {
			String accepted = "an http:// or https:// URL with a host, for example http://otel-collector:4318";
			URI uri;
			try {
				uri = new URI(endpoint);
			}
			catch (URISyntaxException ex) {
				throw new InvalidPropertyValueException("is not a valid URL (" + ex.getReason() + ")", accepted);
			}
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
				throw new InvalidPropertyValueException("must start with http:// or https://", accepted);
			}
			if (uri.getHost() == null) {
				throw new InvalidPropertyValueException("has no host", accepted);
			}
			if (uri.getQuery() != null || uri.getFragment() != null) {
				throw new InvalidPropertyValueException("must not have a query or fragment", accepted);
			}
		}

		public Map<String, String> getHeaders() {
			return this.headers;
		}

		public void setHeaders(Map<String, String> headers) {
			this.headers = headers;
		}

		public OtlpCompression getCompression() {
			return this.compression;
		}

		public void setCompression(OtlpCompression compression) {
			this.compression = compression;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			requirePositive(timeout);
			this.timeout = timeout;
		}

		public String getTrustedCertificates() {
			return this.trustedCertificates;
		}

		public void setTrustedCertificates(String trustedCertificates) {
			this.trustedCertificates = trustedCertificates;
		}

	}

	public static class Batch {

		/**
		 * Spans kept waiting for export; beyond it new spans are dropped (and counted).
		 */
		private int maxQueueSize = 2048;

		/**
		 * Most spans sent in one export request.
		 */
		private int maxExportBatchSize = 512;

		/**
		 * Longest wait before a partly filled batch is exported.
		 */
		private Duration scheduleDelay = Duration.ofSeconds(5);

		/**
		 * Time limit of one batch export, and of the flush at shutdown.
		 */
		private Duration exportTimeout = Duration.ofSeconds(30);

		public int getMaxQueueSize() {
			return this.maxQueueSize;
		}

		public void setMaxQueueSize(int maxQueueSize) {
			InvalidPropertyValueException.requirePositive(maxQueueSize);
			this.maxQueueSize = maxQueueSize;
		}

		public int getMaxExportBatchSize() {
			return this.maxExportBatchSize;
		}

		public void setMaxExportBatchSize(int maxExportBatchSize) {
			InvalidPropertyValueException.requirePositive(maxExportBatchSize);
			this.maxExportBatchSize = maxExportBatchSize;
		}

		public Duration getScheduleDelay() {
			return this.scheduleDelay;
		}

		public void setScheduleDelay(Duration scheduleDelay) {
			if (scheduleDelay.isNegative()) {
				throw new InvalidPropertyValueException("must not be negative", "a duration of 0 or more, such as 5s");
			}
			this.scheduleDelay = scheduleDelay;
		}

		public Duration getExportTimeout() {
			return this.exportTimeout;
		}

		public void setExportTimeout(Duration exportTimeout) {
			requirePositive(exportTimeout);
			this.exportTimeout = exportTimeout;
		}

	}

	private static void requirePositive(Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new InvalidPropertyValueException("must be positive", "a duration greater than 0, such as 10s");
		}
	}

}
