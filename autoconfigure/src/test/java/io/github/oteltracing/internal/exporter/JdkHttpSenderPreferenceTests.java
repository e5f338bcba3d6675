package io.github.oteltracing.internal.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.github.oteltracing.exporter.OtlpCompression;
import io.github.oteltracing.exporter.OtlpProtocol;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This module's tests have OkHttp's sender beside the JDK's, as an application that
 * exports over grpc does: http/protobuf still goes through the JDK's {@code HttpClient},
 * and OpenTelemetry does not warn about the choice.
 */
class JdkHttpSenderPreferenceTests {

	// Before and after the SPI moved (1.55 has the first, 1.62 the second).
	private static final List<String> SERVICE_FILES = List.of(
			"META-INF/services/io.opentelemetry.exporter.internal.http.HttpSenderProvider",
			"META-INF/services/io.opentelemetry.sdk.common.export.HttpSenderProvider");

	private final ClassLoader exporterClassLoader = OtlpHttpSpanExporter.class.getClassLoader();

	@Test
	void exporterSeesOnlyTheJdkSender() throws IOException {
		assertThat(httpSenders(this.exporterClassLoader)).hasSize(2)
			.contains(JdkHttpSenderPreference.JDK_HTTP_SENDER_PROVIDER);
		assertThat(httpSenders(JdkHttpSenderPreference.serviceClassLoader(this.exporterClassLoader)))
			.containsExactly(JdkHttpSenderPreference.JDK_HTTP_SENDER_PROVIDER);
	}

	@Test
	void openTelemetryDoesNotWarnAboutSeveralSenders() {
		// Where OpenTelemetry logs the choice: HttpExporterBuilder, later SenderUtil.
		Logger logger = Logger.getLogger("io.opentelemetry.exporter");
		Level level = logger.getLevel();
		List<String> messages = Collections.synchronizedList(new ArrayList<>());
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				messages.add(record.getLevel() + " " + record.getMessage());
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		logger.setLevel(Level.ALL);
		logger.addHandler(handler);
		try {
			SpanExporter exporter = OtlpSpanExporters.create(new OtlpExporterSettings(OtlpProtocol.HTTP_PROTOBUF,
					"http://127.0.0.1:4318", false, Map.of(), OtlpCompression.GZIP, Duration.ofSeconds(1), null),
					(builder) -> {
					});
			exporter.shutdown();
		}
		finally {
			logger.removeHandler(handler);
			logger.setLevel(level);
		}
		assertThat(messages).noneMatch((message) -> message.contains("HttpSenderProvider"));
	}

	private static List<String> httpSenders(ClassLoader classLoader) throws IOException {
		List<String> providers = new ArrayList<>();
		for (String serviceFile : SERVICE_FILES) {
			for (URL url : Collections.list(classLoader.getResources(serviceFile))) {
				try (InputStream content = url.openStream()) {
					new String(content.readAllBytes(), StandardCharsets.UTF_8).lines()
						.map(String::strip)
						.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
						.forEach(providers::add);
				}
			}
		}
		return providers;
	}

}
