package io.github.oteltracing.exporter;

/**
 * OTLP transport ({@code tracing.exporter.otlp.protocol}).
 */
public enum OtlpProtocol {

	/**
	 * Protobuf over HTTP, usually on port 4318.
	 */
	HTTP_PROTOBUF("http/protobuf", "http://localhost:4318"),

	/**
	 * gRPC, usually on port 4317.
	 */
	GRPC("grpc", "http://localhost:4317");

	private static final String TRACES_PATH = "/v1/traces";

	private final String value;

	private final String defaultEndpoint;

	OtlpProtocol(String value, String defaultEndpoint) {
		this.value = value;
		this.defaultEndpoint = defaultEndpoint;
	}

	/**
	 * Returns the URL the exporter sends to: the default endpoint when none is given, and
	 * for http/protobuf with {@code /v1/traces} appended unless it is already there.
	 * @param endpoint the configured base URL, or {@code null}
	 * @return the URL for the exporter
	 */
	public String exportUrl(String endpoint) {
		String base = (endpoint != null && !endpoint.isBlank()) ? endpoint.strip() : this.defaultEndpoint;
		if (this == GRPC) {
			return base;
		}
		String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		return trimmed.endsWith(TRACES_PATH) ? trimmed : trimmed + TRACES_PATH;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
