package io.github.oteltracing.archfixtures.sdk;

import io.opentelemetry.api.GlobalOpenTelemetry;

/**
 * Breaks "no test-only API in production code".
 */
public class CapabilityThatResetsTheGlobal {

	void close() {
		GlobalOpenTelemetry.resetForTest();
	}

}
