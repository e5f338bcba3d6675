package io.github.oteltracing.exporter;

/**
 * Compression of OTLP requests ({@code tracing.exporter.otlp.compression}).
 */
public enum OtlpCompression {

	/**
	 * Gzip: much smaller requests for a little CPU.
	 */
	GZIP("gzip"),

	/**
	 * No compression.
	 */
	NONE("none");

	private final String value;

	OtlpCompression(String value) {
		this.value = value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
