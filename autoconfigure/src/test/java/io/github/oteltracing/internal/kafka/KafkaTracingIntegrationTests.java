package io.github.oteltracing.internal.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.backoff.FixedBackOff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka through a real broker (one embedded KRaft broker on loopback for the class): a
 * producer application and a consumer application in separate contexts, spans asserted
 * at a real OTLP receiver. Spring Kafka's own observations are switched on in both, with
 * actuator's Micrometer tracing present, to show that no span appears twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaTracingIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private EmbeddedKafkaKraftBroker broker;

	private TraceSink sink;

	private ConfigurableApplicationContext producer;

	private ConfigurableApplicationContext consumer;

	@BeforeAll
	void start() {
		this.broker = new EmbeddedKafkaKraftBroker(1, 1, "orders", "batch-orders");
		this.broker.afterPropertiesSet();
		this.sink = TraceSink.startHttp(0);
		this.producer = start(ProducerApp.class, "order-service");
		this.consumer = start(ConsumerApp.class, "inventory-service", "spring.kafka.consumer.auto-offset-reset=earliest",
				"spring.kafka.listener.observation-enabled=true");
	}

	@AfterAll
	void stop() {
		if (this.consumer != null) {
			this.consumer.close();
		}
		if (this.producer != null) {
			this.producer.close();
		}
		this.sink.close();
		this.broker.destroy();
	}

	@BeforeEach
	void clear() {
		received().clear();
	}

	private ConfigurableApplicationContext start(Class<?> app, String serviceName, String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.main.banner-mode=off", "spring.application.name=" + serviceName,
				"spring.kafka.bootstrap-servers=" + this.broker.getBrokersAsString(),
				"spring.kafka.template.observation-enabled=true",
				"tracing.exporter.otlp.endpoint=" + this.sink.endpoint(), "tracing.exporter.batch.schedule-delay=50ms",
				"logging.level.root=warn"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	@Test
	void aListenerContinuesTheTraceOfTheSend() throws Exception {
		this.producer.getBean(OrderPublisher.class).publishOrder("order-1");
		assertThat(received().poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("order-1");
		List<ReceivedSpan> spans = this.sink.awaitSpans(
				(all) -> all.stream().anyMatch((span) -> span.name().equals("process orders")), WAIT);
		ReceivedSpan publish = only(spans, "publish-order");
		ReceivedSpan send = only(spans, "send orders");
		ReceivedSpan process = only(spans, "process orders");
		assertThat(send.kind()).isEqualTo(SpanKind.SPAN_KIND_PRODUCER);
		assertThat(send.parentSpanId()).isEqualTo(publish.spanId());
		assertThat(send.serviceName()).isEqualTo("order-service");
		assertThat(send.attributes()).containsEntry("messaging.system", "kafka")
			.containsEntry("messaging.destination.name", "orders")
			.containsEntry("messaging.operation.type", "send")
			.containsEntry("messaging.operation.name", "send")
			.containsEntry("messaging.destination.partition.id", "0")
			.containsKey("messaging.kafka.offset")
			.doesNotContainKey("messaging.kafka.message.key");
		assertThat(process.kind()).isEqualTo(SpanKind.SPAN_KIND_CONSUMER);
		assertThat(process.serviceName()).isEqualTo("inventory-service");
		assertThat(process.traceId()).isEqualTo(send.traceId());
		assertThat(process.parentSpanId()).isEqualTo(send.spanId());
		assertThat(process.attributes()).containsEntry("messaging.system", "kafka")
			.containsEntry("messaging.destination.name", "orders")
			.containsEntry("messaging.operation.type", "process")
			.containsEntry("messaging.operation.name", "process")
			.containsEntry("messaging.consumer.group.name", "inventory")
			.containsEntry("messaging.destination.partition.id", "0")
			.containsEntry("messaging.kafka.offset", send.attribute("messaging.kafka.offset"))
			.doesNotContainKey("messaging.kafka.message.key");
		assertThat(process.statusCode()).isEqualTo(StatusCode.STATUS_CODE_UNSET);
		// The listener's own work is a child of the process span.
		assertThat(only(spans, "handle-order").parentSpanId()).isEqualTo(process.spanId());
		// Nothing else in the trace: Spring Kafka's observations made no second span.
		assertThat(spans).filteredOn((span) -> span.traceId().equals(send.traceId()))
			.extracting(ReceivedSpan::name)
			.containsExactlyInAnyOrder("publish-order", "send orders", "process orders", "handle-order");
	}

	@Test
	void aListenerFailureIsRecordedWithTheApplicationsException() throws Exception {
		this.producer.getBean(OrderPublisher.class).publishOrder("fail");
		assertThat(received().poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("fail");
		List<ReceivedSpan> spans = this.sink.awaitSpans((all) -> all.stream()
			.anyMatch((span) -> span.name().equals("process orders")
					&& span.statusCode() == StatusCode.STATUS_CODE_ERROR),
				WAIT);
		ReceivedSpan process = spans.stream()
			.filter((span) -> span.name().equals("process orders") && span.statusCode() == StatusCode.STATUS_CODE_ERROR)
			.findFirst()
			.orElseThrow();
		assertThat(process.attribute("error.type")).isEqualTo(IllegalStateException.class.getName());
		assertThat(process.statusMessage()).isEqualTo("rejected");
		assertThat(process.events()).anySatisfy((event) -> assertThat(event.getName()).isEqualTo("exception"));
	}

	@Test
	void hostileTraceHeadersNeverFailConsumption() throws Exception {
		byte[] notUtf8 = { (byte) 0xff, (byte) 0xfe, 0, 1 };
		List<Map<String, byte[]>> hostile = List.of(Map.of("traceparent", "00-zz-yy-01".getBytes(StandardCharsets.UTF_8)),
				Map.of("traceparent", notUtf8, "tracestate", notUtf8, "baggage", notUtf8),
				Map.of("traceparent", "0".repeat(100_000).getBytes(StandardCharsets.UTF_8)),
				Map.of("traceparent", new byte[0]));
		try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				this.broker.getBrokersAsString(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			for (int i = 0; i < hostile.size(); i++) {
				ProducerRecord<String, String> record = new ProducerRecord<>("orders", "hostile-" + i);
				hostile.get(i).forEach((key, value) -> record.headers().add(key, value));
				raw.send(record).get(10, TimeUnit.SECONDS);
			}
		}
		List<String> payloads = new ArrayList<>();
		for (int i = 0; i < hostile.size(); i++) {
			payloads.add(received().poll(WAIT.toSeconds(), TimeUnit.SECONDS));
		}
		assertThat(payloads).containsExactly("hostile-0", "hostile-1", "hostile-2", "hostile-3");
		List<ReceivedSpan> spans = this.sink.awaitSpans((all) -> all.stream()
			.filter((span) -> span.name().equals("process orders") && span.parentSpanId().isEmpty())
			.count() >= hostile.size(), WAIT);
		assertThat(spans).filteredOn((span) -> span.name().equals("process orders") && span.parentSpanId().isEmpty())
			.hasSizeGreaterThanOrEqualTo(hostile.size())
			.allSatisfy((span) -> assertThat(span.statusCode()).isEqualTo(StatusCode.STATUS_CODE_UNSET));
	}

	@Test
	void aBatchIsProcessedInOneSpanLinkedToEachRecordsTrace() throws Exception {
		OrderPublisher publisher = this.producer.getBean(OrderPublisher.class);
		List<String> sendTraces = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			publisher.publishBatchOrder("batch-" + i);
		}
		List<String> payloads = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			payloads.add(received().poll(WAIT.toSeconds(), TimeUnit.SECONDS));
		}
		assertThat(payloads).containsExactlyInAnyOrder("batch-0", "batch-1", "batch-2");
		List<ReceivedSpan> spans = this.sink.awaitSpans((all) -> links(all) >= 3
				&& all.stream().filter((span) -> span.name().equals("send batch-orders")).count() >= 3, WAIT);
		spans.stream().filter((span) -> span.name().equals("send batch-orders")).forEach((span) -> sendTraces.add(span.traceId()));
		List<ReceivedSpan> batches = spans.stream().filter((span) -> span.name().equals("process batch-orders")).toList();
		assertThat(batches).allSatisfy((batch) -> {
			assertThat(batch.kind()).isEqualTo(SpanKind.SPAN_KIND_CONSUMER);
			assertThat(batch.parentSpanId()).isEmpty();
			assertThat(batch.attributes()).containsEntry("messaging.destination.name", "batch-orders")
				.containsEntry("messaging.operation.type", "process")
				.containsEntry("messaging.consumer.group.name", "inventory-batch")
				.containsKey("messaging.batch.message_count");
		});
		List<String> linkedTraces = batches.stream()
			.flatMap((batch) -> batch.proto().getLinksList().stream())
			.map((link) -> HexFormat.of().formatHex(link.getTraceId().toByteArray()))
			.toList();
		assertThat(linkedTraces).containsExactlyInAnyOrderElementsOf(sendTraces);
	}

	private static long links(List<ReceivedSpan> spans) {
		return spans.stream()
			.filter((span) -> span.name().equals("process batch-orders"))
			.mapToLong((span) -> span.proto().getLinksCount())
			.sum();
	}

	private static ReceivedSpan only(List<ReceivedSpan> spans, String name) {
		List<ReceivedSpan> named = spans.stream().filter((span) -> span.name().equals(name)).toList();
		assertThat(named).as(name).hasSize(1);
		return named.get(0);
	}

	@SuppressWarnings("unchecked")
	private BlockingQueue<String> received() {
		return this.consumer.getBean("received", BlockingQueue.class);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ProducerApp {

		@Bean
		OrderPublisher orderPublisher(KafkaTemplate<Object, Object> template) {
			return new OrderPublisher(template);
		}

	}

	static class OrderPublisher {

		private final KafkaTemplate<Object, Object> template;

		OrderPublisher(KafkaTemplate<Object, Object> template) {
			this.template = template;
		}

		@Traced
		public void publishOrder(String order) throws Exception {
			this.template.send("orders", "key-" + order, order).get(10, TimeUnit.SECONDS);
		}

		public void publishBatchOrder(String order) throws Exception {
			this.template.send("batch-orders", order).get(10, TimeUnit.SECONDS);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ConsumerApp {

		@Bean
		BlockingQueue<String> received() {
			return new LinkedBlockingQueue<>();
		}

		@Bean
		OrderHandler orderHandler() {
			return new OrderHandler();
		}

		@Bean
		OrderListener orderListener(BlockingQueue<String> received, OrderHandler handler) {
			return new OrderListener(received, handler);
		}

		@Bean
		CommonErrorHandler noRetries() {
			return new DefaultErrorHandler(new FixedBackOff(0, 0));
		}

		@Bean
		ConcurrentKafkaListenerContainerFactory<Object, Object> batchFactory(
				ConsumerFactory<Object, Object> consumerFactory) {
			ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(consumerFactory);
			factory.setBatchListener(true);
			return factory;
		}

	}

	static class OrderHandler {

		@Traced
		public void handleOrder(String order) {
		}

	}

	static class OrderListener {

		private final BlockingQueue<String> received;

		private final OrderHandler handler;

		OrderListener(BlockingQueue<String> received, OrderHandler handler) {
			this.received = received;
			this.handler = handler;
		}

		@KafkaListener(topics = "orders", groupId = "inventory")
		void onOrder(ConsumerRecord<String, String> record) {
			this.received.add(record.value());
			if (record.value().equals("fail")) {
				throw new IllegalStateException("rejected");
			}
			if (!record.value().startsWith("hostile")) {
				this.handler.handleOrder(record.value());
			}
		}

		@KafkaListener(topics = "batch-orders", groupId = "inventory-batch", containerFactory = "batchFactory")
		void onBatch(List<String> orders) {
			this.received.addAll(orders);
		}

	}

}
