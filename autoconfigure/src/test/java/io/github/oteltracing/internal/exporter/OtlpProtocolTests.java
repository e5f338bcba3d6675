package io.github.oteltracing.internal.exporter;

import io.github.oteltracing.exporter.OtlpProtocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OtlpProtocolTests {

	@ParameterizedTest
	@CsvSource({ "HTTP_PROTOBUF,, http://localhost:4318/v1/traces", "GRPC,, http://localhost:4317",
			"HTTP_PROTOBUF, http://collector:4318, http://collector:4318/v1/traces",
			"HTTP_PROTOBUF, http://collector:4318/, http://collector:4318/v1/traces",
			"HTTP_PROTOBUF, https://otlp.example.com/v1/traces, https://otlp.example.com/v1/traces",
			"HTTP_PROTOBUF, https://gateway/otlp, https://gateway/otlp/v1/traces",
			"GRPC, http://collector:4317, http://collector:4317" })
	void resolvesExportUrl(OtlpProtocol protocol, String endpoint, String expected) {
		assertThat(protocol.exportUrl(endpoint)).isEqualTo(expected);
	}

}
