package io.github.oteltracing.boot4;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka (spring-kafka 4.0, Kafka clients 4) and {@code @Scheduled} tracing on Spring Boot
 * 4: a producer and a consumer application on one embedded KRaft broker, spans asserted
 * at a real OTLP receiver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAndScheduledTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private EmbeddedKafkaKraftBroker broker;

	private TraceSink sink;

	private ConfigurableApplicationContext producer;

	private ConfigurableApplicationContext consumer;

	@BeforeAll
	void start() {
		this.broker = new EmbeddedKafkaKraftBroker(1, 1, "orders");
		this.broker.afterPropertiesSet();
		this.sink = TraceSink.startHttp(0);
		this.producer = start(ProducerApp.class, "order-service");
		this.consumer = start(ConsumerApp.class, "inventory-service");
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

	private ConfigurableApplicationContext start(Class<?> app, String serviceName) {
		return new SpringApplicationBuilder(app).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "spring.application.name=" + serviceName,
					"spring.kafka.bootstrap-servers=" + this.broker.getBrokersAsString(),
					"spring.kafka.consumer.auto-offset-reset=earliest",
					"tracing.exporter.otlp.endpoint=" + this.sink.endpoint(),
					"tracing.exporter.batch.schedule-delay=50ms", "logging.level.root=warn")
			.run();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aListenerContinuesTheTraceOfTheSend() throws Exception {
		this.producer.getBean(KafkaTemplate.class).send("orders", "order-1").get(10, TimeUnit.SECONDS);
		BlockingQueue<String> received = this.consumer.getBean("received", BlockingQueue.class);
		assertThat(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("order-1");
		List<ReceivedSpan> spans = this.sink.awaitSpans((all) -> all.stream()
			.anyMatch((span) -> span.name().equals("process orders")), WAIT);
		ReceivedSpan send = only(spans, "send orders");
		ReceivedSpan process = only(spans, "process orders");
		assertThat(send.kind()).isEqualTo(SpanKind.SPAN_KIND_PRODUCER);
		assertThat(process.kind()).isEqualTo(SpanKind.SPAN_KIND_CONSUMER);
		assertThat(process.parentSpanId()).isEqualTo(send.spanId());
		assertThat(process.attributes()).containsEntry("messaging.system", "kafka")
			.containsEntry("messaging.consumer.group.name", "inventory")
			.containsEntry("messaging.kafka.offset", send.attribute("messaging.kafka.offset"));
	}

	@Test
	void eachScheduledRunIsARootSpanNamedLikeATracedMethod() {
		List<ReceivedSpan> spans = this.sink.awaitSpans(
				(all) -> all.stream().anyMatch((span) -> span.name().equals("refresh-stock")), WAIT);
		assertThat(spans).filteredOn((span) -> span.name().equals("refresh-stock")).allSatisfy((span) -> {
			assertThat(span.kind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
			assertThat(span.parentSpanId()).isEmpty();
			assertThat(span.attribute("code.function.name")).isEqualTo(StockJobs.class.getName() + ".refreshStock");
		});
	}

	private static ReceivedSpan only(List<ReceivedSpan> spans, String name) {
		List<ReceivedSpan> named = spans.stream().filter((span) -> span.name().equals(name)).toList();
		assertThat(named).as(name).hasSize(1);
		return named.get(0);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ProducerApp {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableScheduling
	static class ConsumerApp {

		@Bean
		BlockingQueue<String> received() {
			return new LinkedBlockingQueue<>();
		}

		@Bean
		OrderListener orderListener(BlockingQueue<String> received) {
			return new OrderListener(received);
		}

		@Bean
		StockJobs stockJobs() {
			return new StockJobs();
		}

	}

	static class OrderListener {

		private final BlockingQueue<String> received;

		OrderListener(BlockingQueue<String> received) {
			this.received = received;
		}

		@KafkaListener(topics = "orders", groupId = "inventory")
		void onOrder(String order) {
			this.received.add(order);
		}

	}

	static class StockJobs {

		@Scheduled(fixedDelay = 100)
		void refreshStock() {
		}

	}

}
