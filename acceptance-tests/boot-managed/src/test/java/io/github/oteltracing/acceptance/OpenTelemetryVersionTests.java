package io.github.oteltracing.acceptance;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenTelemetry version really on the classpath is the one this module's build
 * expects: Spring Boot's in boot-managed, the imported BOM's in otel-latest. Without this
 * the two modules could silently test the same thing.
 */
class OpenTelemetryVersionTests {

	// Group io.opentelemetry only: semconv and proto have their own versions.
	private static final Pattern OPENTELEMETRY_JAR = Pattern
		.compile("/io/opentelemetry/(opentelemetry-[^/]+)/([^/]+)/[^/]+\\.jar$");

	static String expectedVersion() {
		String version = System.getProperty("expected.opentelemetry.version");
		assertThat(version).as("system property expected.opentelemetry.version, set by the module's pom")
			.isNotBlank();
		return version;
	}

	@Test
	void sdkIsTheExpectedVersion() {
		assertThat(SdkTracerProvider.class.getPackage().getImplementationVersion()).isEqualTo(expectedVersion());
		assertThat(Resource.getDefault().getAttribute(AttributeKey.stringKey("telemetry.sdk.version")))
			.isEqualTo(expectedVersion());
	}

	@Test
	void everyOpenTelemetryJarIsTheExpectedVersion() {
		List<String> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map((entry) -> entry.replace(File.separatorChar, '/'))
			.map(OPENTELEMETRY_JAR::matcher)
			.filter(Matcher::find)
			.map((jar) -> jar.group(1) + ":" + jar.group(2))
			.toList();
		assertThat(jars).as("io.opentelemetry jars on the test classpath")
			.contains("opentelemetry-sdk:" + expectedVersion(), "opentelemetry-exporter-otlp:" + expectedVersion())
			.allSatisfy((jar) -> assertThat(jar).matches(".+:" + Pattern.quote(expectedVersion()) + "(-alpha)?"));
	}

}
