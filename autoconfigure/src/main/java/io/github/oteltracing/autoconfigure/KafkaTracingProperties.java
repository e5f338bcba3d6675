package io.github.oteltracing.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Kafka instrumentation (spring-kafka): {@code KafkaTemplate} sends and listener
 * processing.
 */
@ConfigurationProperties("tracing.kafka")
public class KafkaTracingProperties {

	/**
	 * Whether KafkaTemplate sends get a PRODUCER span and carry the trace in record
	 * headers, and listeners process each record (or batch) in a CONSUMER span.
	 */
	private boolean enabled = true;

	/**
	 * Whether spans record a record's key (String keys only) as
	 * 'messaging.kafka.message.key'. Off because keys often are business identifiers.
	 */
	private boolean recordMessageKey;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isRecordMessageKey() {
		return this.recordMessageKey;
	}

	public void setRecordMessageKey(boolean recordMessageKey) {
		this.recordMessageKey = recordMessageKey;
	}

}
