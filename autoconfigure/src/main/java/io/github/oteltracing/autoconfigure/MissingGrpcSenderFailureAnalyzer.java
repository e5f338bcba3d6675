package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.exporter.MissingGrpcSenderException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports {@code grpc} export without a gRPC sender: the dependency to add, or the
 * protocol to use instead.
 */
class MissingGrpcSenderFailureAnalyzer extends AbstractFailureAnalyzer<MissingGrpcSenderException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingGrpcSenderException cause) {
		String action = "Add " + MissingGrpcSenderException.SENDER
				+ " to the application's dependencies (no version: the Spring Boot or OpenTelemetry BOM manages it),"
				+ " or set tracing.exporter.otlp.protocol=http/protobuf and point the endpoint at the collector's"
				+ " OTLP/HTTP port (4318).";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
