package io.github.oteltracing.exporter;

/**
 * Where finished spans go ({@code tracing.exporter.type}).
 */
public enum ExporterType {

	/**
	 * To an OTLP endpoint: a Collector or a tracing back end.
	 */
	OTLP("otlp"),

	/**
	 * To the application log, one line per span: for local development.
	 */
	LOGGING("logging"),

	/**
	 * Nowhere: spans are created and propagated but not exported.
	 */
	NONE("none");

	private final String value;

	ExporterType(String value) {
		this.value = value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
