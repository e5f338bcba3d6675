package io.github.oteltracing.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How traces show in the application's logs.
 */
@ConfigurationProperties("tracing.logging")
public class LoggingProperties {

	/**
	 * Whether the logging MDC (SLF4J, so Logback and Log4j2) holds trace_id (32 hex
	 * digits), span_id (16 hex digits) and trace_flags (01 sampled, 00 not) while a span
	 * is current, for log patterns such as %X{trace_id} and JSON logs.
	 */
	private boolean mdc = true;

	public boolean isMdc() {
		return this.mdc;
	}

	public void setMdc(boolean mdc) {
		this.mdc = mdc;
	}

}
