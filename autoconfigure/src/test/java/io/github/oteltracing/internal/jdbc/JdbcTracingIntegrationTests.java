package io.github.oteltracing.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.google.protobuf.ByteString;
import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Scope;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import io.opentelemetry.semconv.DbAttributes;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Statements through every access style, on H2 behind HikariCP, each seen as a CLIENT
 * span at a real OTLP receiver.
 */
@SpringBootTest(classes = JdbcTestApp.class,
		properties = { "spring.main.web-application-type=none", "spring.datasource.generate-unique-name=false",
				"spring.datasource.name=shop", "spring.sql.init.schema-locations=classpath:jdbc/schema.sql",
				"spring.jpa.hibernate.ddl-auto=create-drop", "tracing.exporter.batch.schedule-delay=50ms",
				"tracing.service-name=jdbc-test" })
// Closed after the class: a running application keeps the MDC context storage active, which
// the logging tests that follow in the same JVM expect to be off.
@DirtiesContext
class JdbcTracingIntegrationTests {

	private static final String SECRET_CARD = "4111111111111111";

	private static final String SECRET_EMAIL = "ann.secret@example.com";

	private static final RecordingOtlpReceiver receiver = RecordingOtlpReceiver.start();

	@Autowired
	private OpenTelemetry openTelemetry;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private JdbcClient jdbcClient;

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private ProductRepository products;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private HikariDataSource hikari;

	@Autowired
	private MeterRegistry meterRegistry;

	@DynamicPropertySource
	static void exportToReceiver(DynamicPropertyRegistry registry) {
		registry.add("tracing.exporter.otlp.endpoint", receiver::endpoint);
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void jdbcTemplateQueryIsOneClientSpanUnderTheCurrentSpan() {
		Trace trace = inTrace(() -> this.jdbcTemplate.queryForList("select id, email from customers where id = ?", 42));
		var span = trace.onlyClientSpan();
		assertThat(span.getName()).isEqualTo("SELECT customers");
		assertThat(attributes(span)).containsEntry(DbAttributes.DB_SYSTEM_NAME.getKey(), "h2database")
			.containsEntry(DbAttributes.DB_NAMESPACE.getKey(), "shop")
			.containsEntry(DbAttributes.DB_OPERATION_NAME.getKey(), "SELECT")
			.containsEntry(DbAttributes.DB_COLLECTION_NAME.getKey(), "customers")
			.containsEntry(DbAttributes.DB_QUERY_SUMMARY.getKey(), "SELECT customers")
			.containsEntry(DbAttributes.DB_QUERY_TEXT.getKey(), "select id, email from customers where id = ?")
			.doesNotContainKey(ServerAttributes.SERVER_ADDRESS.getKey());
	}

	@Test
	void jdbcClientWithInlinedSecretsExportsNeitherSecret() {
		Trace trace = inTrace(() -> {
			this.jdbcClient.sql("insert into payments (id, card_number) values (1, '" + SECRET_CARD + "')").update();
			this.jdbcClient.sql("select count(*) from customers where email = '" + SECRET_EMAIL + "' or id = 7")
				.query(Long.class)
				.single();
		});
		List<Span> spans = trace.clientSpans(2);
		assertThat(spans).extracting((span) -> attributes(span).get(DbAttributes.DB_QUERY_TEXT.getKey()))
			.containsExactly("insert into payments (id, card_number) values (?, ?)",
					"select count(*) from customers where email = ? or id = ?");
		assertThat(receiver.received("insert into payments")).isTrue();
		assertThat(receiver.received(SECRET_CARD)).isFalse();
		assertThat(receiver.received(SECRET_EMAIL)).isFalse();
	}

	@Test
	void batchIsOneSpan() {
		Trace trace = inTrace(() -> this.jdbcTemplate.batchUpdate("insert into customers (email) values (?)",
				List.of(new Object[] { "a@example.com" }, new Object[] { "b@example.com" },
						new Object[] { "c@example.com" })));
		var span = trace.onlyClientSpan();
		assertThat(span.getName()).isEqualTo("BATCH INSERT customers");
		assertThat(attributes(span)).containsEntry(DbAttributes.DB_OPERATION_NAME.getKey(), "BATCH INSERT")
			.containsEntry(DbAttributes.DB_OPERATION_BATCH_SIZE.getKey(), 3L)
			.containsEntry(DbAttributes.DB_COLLECTION_NAME.getKey(), "customers");
	}

	@Test
	void batchOfDifferentStatementsIsOneSpanWithTheirSanitizedTexts() {
		Trace trace = inTrace(() -> this.jdbcTemplate.batchUpdate(
				"insert into customers (email) values ('" + SECRET_EMAIL + "')",
				"update customers set email = 'x@example.com' where email = '" + SECRET_EMAIL + "'"));
		var span = trace.onlyClientSpan();
		assertThat(span.getName()).isEqualTo("BATCH");
		assertThat(attributes(span)).containsEntry(DbAttributes.DB_OPERATION_NAME.getKey(), "BATCH")
			.containsEntry(DbAttributes.DB_OPERATION_BATCH_SIZE.getKey(), 2L)
			.containsEntry(DbAttributes.DB_QUERY_TEXT.getKey(),
					"insert into customers (email) values (?); update customers set email = ? where email = ?");
		assertThat(receiver.received(SECRET_EMAIL)).isFalse();
	}

	@Test
	void likeWithABackslashEscapeExportsNoLiteralAfterIt() {
		// Hibernate writes Spring Data's LIKE queries so; H2 reads '\' as a whole literal.
		Trace trace = inTrace(() -> this.jdbcTemplate.queryForList(
				"select id from customers where email like ? escape '\\' and email <> '" + SECRET_EMAIL + "'", "a%"));
		assertThat(attributes(trace.onlyClientSpan())).containsEntry(DbAttributes.DB_QUERY_TEXT.getKey(),
				"select id from customers where email like ? escape ? and email <> ?");
		assertThat(receiver.received(SECRET_EMAIL)).isFalse();
	}

	@Test
	void springDataJdbcRepository() {
		Trace trace = inTrace(() -> {
			Customer saved = this.customers.save(new Customer(null, "d@example.com"));
			this.customers.findById(saved.id());
		});
		assertThat(trace.clientSpans(2)).extracting(Span::getName)
			.containsExactly("INSERT CUSTOMERS", "SELECT CUSTOMERS");
	}

	@Test
	void jpaRepository() {
		Trace trace = inTrace(() -> {
			this.products.save(new Product("GRINDER-PRO", "Grinder"));
			this.transactions.executeWithoutResult((status) -> this.products.findById("GRINDER-PRO"));
		});
		// merge() reads before it inserts; the insert runs at commit, still inside the trace.
		assertThat(trace.clientSpans(3)).extracting(Span::getName)
			.containsExactly("SELECT products", "INSERT products", "SELECT products");
	}

	@Test
	void failedStatementIsAnErrorWithoutItsMessage() {
		Trace trace = inTrace(() -> assertThatExceptionOfType(BadSqlGrammarException.class)
			.isThrownBy(() -> this.jdbcTemplate.update("update no_such_table set card = '" + SECRET_CARD + "'")));
		var span = trace.onlyClientSpan();
		assertThat(span.getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
		assertThat(attributes(span)).containsEntry(ErrorAttributes.ERROR_TYPE.getKey(),
				"org.h2.jdbc.JdbcSQLSyntaxErrorException")
			.containsEntry(DbAttributes.DB_RESPONSE_STATUS_CODE.getKey(), "42S02")
			.containsEntry(DbAttributes.DB_QUERY_TEXT.getKey(), "update no_such_table set card = ?");
		assertThat(span.getEventsList()).singleElement()
			.satisfies((event) -> assertThat(event.getName()).isEqualTo("exception"));
		assertThat(receiver.received(SECRET_CARD)).isFalse();
	}

	@Test
	void statementsOutsideATraceMakeNoSpans() {
		this.jdbcTemplate.queryForList("select email from customers where id = 4242");
		Trace marker = inTrace(() -> this.jdbcTemplate.queryForList("select 1"));
		marker.onlyClientSpan();
		// Exported in order: the marker's arrival means an earlier root span would be here too,
		// as would the start-up schema script's.
		assertThat(receiver.spans()).filteredOn((span) -> span.getKind() == SpanKind.SPAN_KIND_CLIENT)
			.allSatisfy((span) -> assertThat(span.getParentSpanId().isEmpty()).isFalse());
	}

	@Test
	void statementPreparedInATraceAndRunAfterItMakesNoSpanThere() throws SQLException {
		PreparedStatement[] statement = new PreparedStatement[1];
		Trace trace = inTrace(() -> {
			statement[0] = prepare(this.hikari, "select email from customers where id = ?");
			run(statement[0], 7);
		});
		trace.onlyClientSpan();
		try (Connection connection = statement[0].getConnection()) {
			run(statement[0], 8);
			statement[0].close();
		}
		Trace marker = inTrace(() -> this.jdbcTemplate.queryForList("select 2"));
		marker.onlyClientSpan();
		assertThat(receiver.spans()).filteredOn((span) -> span.getKind() == SpanKind.SPAN_KIND_CLIENT)
			.allSatisfy((span) -> assertThat(span.getParentSpanId().isEmpty()).isFalse());
	}

	@Test
	void dataSourceKeepsItsTypeAndPoolIsReachable() throws SQLException {
		assertThat(this.hikari.getClass()).isNotEqualTo(HikariDataSource.class);
		assertThat(ClassUtils.getUserClass(this.hikari)).isEqualTo(HikariDataSource.class);
		assertThat(this.hikari.getPoolName()).isNotEmpty();
		assertThat(this.hikari.getHikariPoolMXBean()).isNotNull();
		assertThat(this.hikari.isWrapperFor(HikariConfigMXBean.class)).isTrue();
		assertThat(DataSourceUnwrapper.unwrap(this.hikari, HikariConfigMXBean.class, HikariDataSource.class))
			.isNotNull();
	}

	@Test
	void bootsPoolMetricsSeeThePool() {
		assertThat(this.meterRegistry.find("hikaricp.connections").tag("pool", this.hikari.getPoolName()).gauge())
			.isNotNull();
	}

	private Trace inTrace(Runnable work) {
		io.opentelemetry.api.trace.Span parent = this.openTelemetry.getTracer("test").spanBuilder("test-parent").startSpan();
		try (Scope scope = parent.makeCurrent()) {
			work.run();
		}
		finally {
			parent.end();
		}
		return new Trace(parent.getSpanContext().getTraceId(), parent.getSpanContext().getSpanId());
	}

	private static PreparedStatement prepare(DataSource dataSource, String sql) {
		try {
			return dataSource.getConnection().prepareStatement(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void run(PreparedStatement statement, long id) {
		try {
			statement.setLong(1, id);
			statement.executeQuery().close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> attributes(Span span) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (KeyValue attribute : span.getAttributesList()) {
			AnyValue value = attribute.getValue();
			attributes.put(attribute.getKey(), value.hasIntValue() ? (Object) value.getIntValue() : value.getStringValue());
		}
		return attributes;
	}

	private record Trace(String traceId, String parentId) {

		Span parent() {
			return receiver.awaitSpans((spans) -> spans.stream().anyMatch(this::isParent))
				.stream()
				.filter(this::isParent)
				.findFirst()
				.orElseThrow();
		}

		List<Span> clientSpans(int count) {
			parent();
			List<Span> spans = receiver.spans()
				.stream()
				.filter((span) -> hex(span.getTraceId()).equals(this.traceId)
						&& span.getKind() == SpanKind.SPAN_KIND_CLIENT)
				.sorted(Comparator.comparingLong(Span::getStartTimeUnixNano))
				.toList();
			assertThat(spans).hasSize(count)
				.allSatisfy((span) -> assertThat(hex(span.getParentSpanId())).isEqualTo(this.parentId));
			return spans;
		}

		Span onlyClientSpan() {
			return clientSpans(1).get(0);
		}

		private boolean isParent(Span span) {
			return hex(span.getSpanId()).equals(this.parentId);
		}

		private static String hex(ByteString bytes) {
			return HexFormat.of().formatHex(bytes.toByteArray());
		}

	}

}
