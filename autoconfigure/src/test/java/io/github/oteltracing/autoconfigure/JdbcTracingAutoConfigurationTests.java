package io.github.oteltracing.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import io.github.oteltracing.internal.jdbc.DataSourceTracingPostProcessor;
import io.github.oteltracing.internal.jdbc.StubDataSource;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.semconv.DbAttributes;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC switches, on an application's own {@link DataSource} (no pool, no Spring Boot
 * data source configuration).
 */
class JdbcTracingAutoConfigurationTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final ApplicationContextRunner withoutDataSource = TracingAutoConfigurationsSupport.runner()
		.withPropertyValues("tracing.exporter.type=none")
		.withBean("inMemory", SpanProcessor.class, () -> SimpleSpanProcessor.create(this.exporter));

	private final ApplicationContextRunner runner = this.withoutDataSource.withBean("dataSource", DataSource.class,
			JdbcTracingAutoConfigurationTests::userDataSource);

	@Test
	void usersOwnDataSourceIsTracedInsideATrace() {
		this.runner.run((context) -> {
			inTrace(context, "select 1");
			assertThat(jdbcSpans()).singleElement().satisfies((span) -> {
				assertThat(span.getName()).isEqualTo("SELECT");
				assertThat(span.getParentSpanContext().isValid()).isTrue();
				assertThat(span.getAttributes().get(DbAttributes.DB_NAMESPACE)).isEqualTo("users_own");
			});
		});
	}

	@Test
	void noRootSpansOutsideATraceByDefault() {
		this.runner.run((context) -> {
			new JdbcTemplate(context.getBean(DataSource.class)).queryForList("select 1");
			assertThat(jdbcSpans()).isEmpty();
		});
	}

	@Test
	void rootSpansWhenAskedFor() {
		this.runner.withPropertyValues("tracing.jdbc.root-spans=true").run((context) -> {
			new JdbcTemplate(context.getBean(DataSource.class)).queryForList("select 1");
			assertThat(jdbcSpans()).singleElement()
				.satisfies((span) -> assertThat(span.getParentSpanContext().isValid()).isFalse());
		});
	}

	@Test
	void rawQueryText() {
		this.runner.withPropertyValues("tracing.jdbc.query-text=raw").run((context) -> {
			inTrace(context, "select 'a@example.com'");
			assertThat(jdbcSpans()).singleElement()
				.satisfies((span) -> assertThat(span.getAttributes().get(DbAttributes.DB_QUERY_TEXT))
					.isEqualTo("select 'a@example.com'"));
		});
	}

	@Test
	void noQueryText() {
		this.runner.withPropertyValues("tracing.jdbc.query-text=none").run((context) -> {
			inTrace(context, "select 'a@example.com'");
			assertThat(jdbcSpans()).singleElement().satisfies((span) -> {
				assertThat(span.getAttributes().get(DbAttributes.DB_QUERY_TEXT)).isNull();
				assertThat(span.getAttributes().get(DbAttributes.DB_QUERY_SUMMARY)).isEqualTo("SELECT");
			});
		});
	}

	@Test
	void invalidQueryTextFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("tracing.jdbc.query-text=verbatim")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("tracing.jdbc.query-text")
				.hasStackTraceContaining("verbatim"));
	}

	@Test
	void jdbcSwitchedOff() {
		this.runner.withPropertyValues("tracing.jdbc.enabled=false").run(JdbcTracingAutoConfigurationTests::untouched);
	}

	@Test
	void tracingSwitchedOff() {
		this.runner.withPropertyValues("tracing.enabled=false").run(JdbcTracingAutoConfigurationTests::untouched);
	}

	@Test
	void poolIsClosedOnceWithTheContext() {
		StubDataSource pool = new StubDataSource();
		this.withoutDataSource.withBean("dataSource", DataSource.class, () -> pool).run((context) -> {
			assertThat(context.getBean(DataSource.class)).isInstanceOf(StubDataSource.class).isNotSameAs(pool);
			assertThat(pool.closed()).isZero();
		});
		assertThat(pool.closed()).isOne();
	}

	@Test
	void dataSourceOfAParentContextIsNotWrappedAgainInAChild() {
		this.runner.run((parent) -> this.withoutDataSource.withParent(parent)
			.withBean("dataSource", DataSource.class, () -> parent.getBean(DataSource.class))
			.run((child) -> {
				assertThat(child.getBean(DataSource.class)).isSameAs(parent.getBean(DataSource.class));
				inTrace(child, "select 1");
				assertThat(jdbcSpans()).hasSize(1);
			}));
	}

	private static void untouched(AssertableApplicationContext context) {
		assertThat(context).doesNotHaveBean(DataSourceTracingPostProcessor.class);
		assertThat(context.getBean(DataSource.class)).isExactlyInstanceOf(JdbcDataSource.class);
	}

	private static void inTrace(AssertableApplicationContext context, String sql) {
		Span parent = context.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("parent").startSpan();
		try (Scope scope = parent.makeCurrent()) {
			new JdbcTemplate(context.getBean(DataSource.class)).queryForList(sql);
		}
		finally {
			parent.end();
		}
	}

	private List<SpanData> jdbcSpans() {
		return this.exporter.getFinishedSpanItems()
			.stream()
			.filter((span) -> span.getInstrumentationScopeInfo().getName().equals("io.github.oteltracing.jdbc"))
			.toList();
	}

	private static DataSource userDataSource() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:users_own");
		return dataSource;
	}

}
