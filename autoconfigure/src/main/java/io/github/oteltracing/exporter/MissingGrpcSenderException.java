package io.github.oteltracing.exporter;

/**
 * {@code grpc} export was asked for, but no OpenTelemetry gRPC sender is on the class path:
 * the starter brings only the JDK {@code HttpClient} sender, which speaks http/protobuf.
 * The starter's failure analysis says what to add.
 */
public final class MissingGrpcSenderException extends IllegalStateException {

	/**
	 * The sender that adds gRPC export.
	 */
	public static final String SENDER = "io.opentelemetry:opentelemetry-exporter-sender-okhttp";

	/**
	 * Creates the exception.
	 * @param endpoint the configured endpoint, without credentials
	 * @param cause OpenTelemetry's own error
	 */
	public MissingGrpcSenderException(String endpoint, IllegalStateException cause) {
		super("tracing.exporter.otlp.protocol is grpc (endpoint " + endpoint
				+ "), but no OpenTelemetry gRPC sender is on the class path. The starter exports with the JDK's"
				+ " HttpClient, which sends http/protobuf only.", cause);
	}

}
