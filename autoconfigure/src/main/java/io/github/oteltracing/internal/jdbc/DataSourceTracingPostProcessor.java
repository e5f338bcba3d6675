package io.github.oteltracing.internal.jdbc;

import javax.sql.DataSource;

import io.github.oteltracing.jdbc.QueryTextMode;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link DataSource} bean (a connection pool, an embedded database, the
 * application's own) so that its connections trace their statements
 * ({@link TracingDataSource}). A bean wrapped already, in this context or a parent one, is
 * left as it is.
 *
 * <p>The wrapper keeps the bean's class where it can be subclassed (so that a
 * {@code HikariDataSource} is still injectable as one), and all its interfaces
 * otherwise. Spring Boot's own code that looks behind a data source (pool metrics, JMX,
 * health) sees the pool through it.
 */
public final class DataSourceTracingPostProcessor implements BeanPostProcessor {

	private final JdbcTracer tracer;

	/**
	 * Creates the post-processor.
	 * @param openTelemetry the SDK, looked up on the first traced statement
	 * @param queryText what to record as the query text
	 * @param rootSpans whether statements outside any trace start traces of their own
	 */
	public DataSourceTracingPostProcessor(ObjectProvider<OpenTelemetry> openTelemetry, QueryTextMode queryText,
			boolean rootSpans) {
		this.tracer = new JdbcTracer(openTelemetry::getObject, queryText, rootSpans);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			return TracingDataSource.wrap(dataSource, new TracedDatabase(this.tracer));
		}
		return bean;
	}

}
