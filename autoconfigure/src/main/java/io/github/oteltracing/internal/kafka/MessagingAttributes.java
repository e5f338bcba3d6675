package io.github.oteltracing.internal.kafka;

import io.opentelemetry.api.common.AttributeKey;

/**
 * Messaging semantic-convention attribute keys and values, named as the conventions name
 * them. They live in OpenTelemetry's incubating semconv artifact only, which the starter
 * does not depend on (its API changes between releases), so they are defined once here.
 */
final class MessagingAttributes {

	static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");

	static final AttributeKey<String> MESSAGING_DESTINATION_NAME = AttributeKey
		.stringKey("messaging.destination.name");

	static final AttributeKey<String> MESSAGING_DESTINATION_PARTITION_ID = AttributeKey
		.stringKey("messaging.destination.partition.id");

	static final AttributeKey<String> MESSAGING_OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");

	static final AttributeKey<String> MESSAGING_OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");

	static final AttributeKey<String> MESSAGING_CONSUMER_GROUP_NAME = AttributeKey
		.stringKey("messaging.consumer.group.name");

	static final AttributeKey<Long> MESSAGING_BATCH_MESSAGE_COUNT = AttributeKey
		.longKey("messaging.batch.message_count");

	static final AttributeKey<Long> MESSAGING_KAFKA_OFFSET = AttributeKey.longKey("messaging.kafka.offset");

	static final AttributeKey<String> MESSAGING_KAFKA_MESSAGE_KEY = AttributeKey
		.stringKey("messaging.kafka.message.key");

	static final String KAFKA = "kafka";

	static final String SEND = "send";

	static final String PROCESS = "process";

	private MessagingAttributes() {
	}

}
