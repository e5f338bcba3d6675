package io.github.oteltracing.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.oteltracing.benchmarks.shared.CountingSpanExporter;
import io.github.oteltracing.benchmarks.shared.SpanPipeline;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;

/**
 * One JDBC statement on an in-memory H2 database behind HikariCP: borrow a connection,
 * prepare {@code SELECT amount FROM items WHERE id = ?}, bind, execute, read the row, close
 * both. Without the starter (a pool built by hand), and through the pool bean of a Spring
 * Boot application with the starter, each outside and inside a trace (a sampled span made
 * current on the benchmark thread for the whole run).
 */
public final class JdbcCalls {

	private static final String QUERY = "SELECT amount FROM items WHERE id = ?";

	private JdbcCalls() {
	}

	@State(Scope.Thread)
	public static class Plain extends JdbcCall {

		@Setup
		public void start() throws SQLException {
			this.dataSource = pool("plain");
			createTable(this.dataSource);
		}

		@TearDown
		public void stop() {
			((HikariDataSource) this.dataSource).close();
		}

	}

	@State(Scope.Thread)
	public static class PlainInTrace extends JdbcCall {

		private SdkTracerProvider tracerProvider;

		@Setup
		public void start() throws SQLException {
			this.dataSource = pool("plainInTrace");
			createTable(this.dataSource);
			this.tracerProvider = SpanPipeline.tracerProvider(SpanPipeline.processor(new CountingSpanExporter()),
					Sampler.alwaysOn());
			enterTrace(this.tracerProvider.get(SpanPipeline.SCOPE).spanBuilder("request").startSpan());
		}

		@TearDown
		public void stop() {
			leaveTrace();
			((HikariDataSource) this.dataSource).close();
			this.tracerProvider.close();
		}

	}

	@State(Scope.Thread)
	public static class Starter extends StarterJdbcCall {

		@Setup
		public void start() throws SQLException {
			start("starter", false);
		}

		@TearDown
		public void stop() {
			close();
		}

	}

	@State(Scope.Thread)
	public static class StarterInTrace extends StarterJdbcCall {

		@Setup
		public void start() throws SQLException {
			start("starterInTrace", true);
		}

		@TearDown
		public void stop() {
			close();
		}

	}

	@State(Scope.Thread)
	public static class StarterJdbcOff extends StarterJdbcCall {

		@Setup
		public void start() throws SQLException {
			start("starterJdbcOff", false, "tracing.jdbc.enabled=false");
		}

		@TearDown
		public void stop() {
			close();
		}

	}

	abstract static class JdbcCall {

		public long id = 3;

		DataSource dataSource;

		private io.opentelemetry.context.Scope scope;

		private Span span;

		long query() throws SQLException {
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement statement = connection.prepareStatement(QUERY)) {
				statement.setLong(1, this.id);
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					return result.getLong(1);
				}
			}
		}

		void enterTrace(Span span) {
			this.span = span;
			this.scope = span.makeCurrent();
		}

		void leaveTrace() {
			if (this.scope != null) {
				this.scope.close();
				this.span.end();
			}
		}

	}

	abstract static class StarterJdbcCall extends JdbcCall {

		private ConfigurableApplicationContext context;

		void start(String variant, boolean inTrace, String... properties) throws SQLException {
			boolean wrapped = properties.length == 0;
			CountingSpanExporter exporter = new CountingSpanExporter();
			SpanProcessor processor = SpanPipeline.processor(exporter);
			ApplicationContextInitializer<GenericApplicationContext> registerProcessor = (context) -> context
				.registerBean(SpanProcessor.class, () -> processor);
			this.context = new SpringApplicationBuilder(JdbcApplication.class).web(WebApplicationType.NONE)
				.initializers(registerProcessor)
				.properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false",
						"tracing.sampling.strategy=always-on", "tracing.exporter.type=none",
						"jdbc.pool-name=" + variant)
				.properties(properties)
				.run();
			this.dataSource = this.context.getBean(DataSource.class);
			if (!(this.dataSource instanceof HikariDataSource)
					|| this.dataSource.getClass().getName().contains("$$TracingDataSource$$") != wrapped) {
				throw new IllegalStateException(variant + ": the DataSource bean is "
						+ (wrapped ? "not wrapped by the starter" : "wrapped although JDBC tracing is off"));
			}
			createTable(this.dataSource);
			SdkTracerProvider tracerProvider = this.context.getBean(SdkTracerProvider.class);
			if (inTrace) {
				enterTrace(tracerProvider.get(SpanPipeline.SCOPE).spanBuilder("request").startSpan());
			}
			long before = exporter.exported();
			query();
			tracerProvider.forceFlush().join(5, TimeUnit.SECONDS);
			long spans = exporter.exported() - before;
			if (spans != (inTrace ? 1 : 0)) {
				throw new IllegalStateException(variant + ": expected " + (inTrace ? 1 : 0)
						+ " span per statement, got " + spans);
			}
		}

		void close() {
			leaveTrace();
			this.context.close();
		}

	}

	private static HikariDataSource pool(String name) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName(name);
		pool.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		pool.setMaximumPoolSize(2);
		return pool;
	}

	private static void createTable(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS items (id BIGINT PRIMARY KEY, amount BIGINT)");
			statement.execute("MERGE INTO items KEY (id) VALUES (3, 42)");
		}
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class JdbcApplication {

		@Bean
		Resource resource() {
			return Resource.getDefault();
		}

		@Bean(destroyMethod = "close")
		HikariDataSource dataSource(Environment environment) {
			return pool(environment.getProperty("jdbc.pool-name", "starter"));
		}

	}

}
