package io.github.oteltracing.boot4.jdbc;

import java.time.Duration;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.semconv.DbAttributes;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JDBC tracing on Spring Boot 4 (its split {@code spring-boot-jdbc} and
 * {@code spring-boot-hibernate} modules, Hibernate 7): an application on H2 behind
 * HikariCP runs statements through {@code JdbcTemplate} and a JPA repository inside a
 * {@code @Traced} method, and a real OTLP receiver gets one CLIENT span per statement
 * under it, sanitized, and none for the schema work at start-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSpansTests {

	static final String CARD = "4111111111111111";

	private static final String BOUND_CARD = "5500000000000004";

	private static final Duration WAIT = Duration.ofSeconds(20);

	private TraceSink sink;

	private ConfigurableApplicationContext app;

	@BeforeAll
	void start() {
		this.sink = TraceSink.startHttp(0);
		this.app = new SpringApplicationBuilder(JdbcApp.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off",
					"spring.datasource.generate-unique-name=false", "spring.datasource.name=shop",
					"spring.sql.init.schema-locations=classpath:boot4-jdbc/schema.sql",
					"spring.jpa.hibernate.ddl-auto=create-drop",
					"tracing.exporter.otlp.endpoint=" + this.sink.endpoint(),
					"tracing.exporter.batch.schedule-delay=50ms", "logging.level.root=warn")
			.run();
	}

	@AfterAll
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
		this.sink.close();
	}

	@Test
	void jdbcTemplateAndJpaStatementsAreClientSpansUnderTheTracedMethod() {
		this.app.getBean(Payments.class).recordPayment();
		List<ReceivedSpan> spans = this.sink.awaitSpans(
				(all) -> all.stream().anyMatch((span) -> span.name().equals("record-payment")), WAIT);
		List<ReceivedSpan> tracedSpans = spans.stream()
			.filter((span) -> span.name().equals("record-payment"))
			.toList();
		assertThat(tracedSpans).hasSize(1);
		ReceivedSpan traced = tracedSpans.get(0);
		List<ReceivedSpan> statements = spans.stream()
			.filter((span) -> span.traceId().equals(traced.traceId()) && span.kind() == SpanKind.SPAN_KIND_CLIENT)
			.toList();
		assertThat(statements).allSatisfy((span) -> {
			assertThat(span.parentSpanId()).isEqualTo(traced.spanId());
			assertThat(span.attribute(DbAttributes.DB_SYSTEM_NAME.getKey())).isEqualTo("h2database");
			assertThat(span.attribute(DbAttributes.DB_NAMESPACE.getKey())).isEqualTo("shop");
		});
		// save() merges an entity with an assigned id: a read, then the insert at commit.
		assertThat(statements).extracting(ReceivedSpan::name)
			.containsExactly("INSERT payments", "SELECT customers", "SELECT payments", "INSERT payments",
					"SELECT payments");
		assertThat(statements.get(0).attributes())
			.containsEntry(DbAttributes.DB_OPERATION_NAME.getKey(), "INSERT")
			.containsEntry(DbAttributes.DB_COLLECTION_NAME.getKey(), "payments")
			.containsEntry(DbAttributes.DB_QUERY_TEXT.getKey(), "insert into payments (id, card_number) values (?, ?)");
		assertThat(statements.get(1).attributes())
			.containsEntry(DbAttributes.DB_OPERATION_NAME.getKey(), "SELECT")
			.containsEntry(DbAttributes.DB_COLLECTION_NAME.getKey(), "customers")
			.containsEntry(DbAttributes.DB_QUERY_TEXT.getKey(), "select email from customers where id = ?");
		// Hibernate writes the JPQL literal into its SQL as a literal.
		assertThat(statements.get(4).attributes())
			.containsEntry(DbAttributes.DB_OPERATION_NAME.getKey(), "SELECT")
			.containsEntry(DbAttributes.DB_COLLECTION_NAME.getKey(), "payments")
			.containsEntry(DbAttributes.DB_QUERY_TEXT.getKey(),
					"select p1_0.id,p1_0.card_number from payments p1_0 where p1_0.card_number=?");
		assertThat(this.sink.spans())
			.allSatisfy((span) -> assertThat(span.proto().toString()).doesNotContain(CARD, BOUND_CARD));
	}

	@Test
	void startUpSchemaWorkMakesNoRootSpans() {
		assertThat(this.app.getBean(Payments.class).countCustomers()).isEqualTo(1);
		List<ReceivedSpan> spans = this.sink.awaitSpans(
				(all) -> all.stream().anyMatch((span) -> span.name().equals("count-customers")), WAIT);
		// Exported in order: with the marker here, a root span from schema.sql or Hibernate's
		// DDL would be here too.
		assertThat(spans).filteredOn((span) -> span.kind() == SpanKind.SPAN_KIND_CLIENT)
			.isNotEmpty()
			.allSatisfy((span) -> assertThat(span.parentSpanId()).isNotEmpty());
	}

	@Test
	void hikariDataSourceKeepsItsType() {
		HikariDataSource hikari = this.app.getBean(HikariDataSource.class);
		assertThat(hikari.getClass()).isNotEqualTo(HikariDataSource.class);
		assertThat(ClassUtils.getUserClass(hikari)).isEqualTo(HikariDataSource.class);
		assertThat(hikari.getPoolName()).isNotEmpty();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class JdbcApp {

		@Bean
		Payments payments(JdbcTemplate jdbcTemplate, PaymentRepository repository) {
			return new Payments(jdbcTemplate, repository);
		}

	}

	static class Payments {

		private final JdbcTemplate jdbcTemplate;

		private final PaymentRepository repository;

		Payments(JdbcTemplate jdbcTemplate, PaymentRepository repository) {
			this.jdbcTemplate = jdbcTemplate;
			this.repository = repository;
		}

		@Traced("record-payment")
		public void recordPayment() {
			this.jdbcTemplate.update("insert into payments (id, card_number) values (1, '" + CARD + "')");
			this.jdbcTemplate.queryForObject("select email from customers where id = ?", String.class, 1);
			this.repository.save(new Payment(2L, BOUND_CARD));
			assertThat(this.repository.findTestCardPayments()).extracting(Payment::getId).containsExactly(1L);
		}

		@Traced("count-customers")
		public int countCustomers() {
			return this.jdbcTemplate.queryForObject("select count(*) from customers", Integer.class);
		}

	}

}
