package io.github.oteltracing.jdbc;

import java.lang.reflect.Modifier;
import java.sql.Connection;

import javax.sql.DataSource;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.NameMatchMethodPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link DataSource} bean (a connection pool, an embedded database, the
 * application's own) so that its connections trace their statements. The proxy only
 * intercepts {@code getConnection}; everything else goes straight to the bean.
 *
 * <p>The proxy keeps the bean's class where it can be subclassed (so that a
 * {@code HikariDataSource} is still injectable as one), and all its interfaces
 * otherwise. Spring Boot's own code that looks behind a data source (pool metrics,
 * JMX, health) sees through a Spring proxy.
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
		if (!(bean instanceof DataSource) || isTraced(bean)) {
			return bean;
		}
		ProxyFactory factory = new ProxyFactory(bean);
		factory.setProxyTargetClass(canSubclass(bean.getClass()));
		NameMatchMethodPointcut getConnection = new NameMatchMethodPointcut();
		getConnection.setMappedName("getConnection");
		factory.addAdvisor(new DefaultPointcutAdvisor(getConnection, new ConnectionInterceptor(this.tracer)));
		// Frozen over a fixed target: the proxy calls methods without advice directly and keeps
		// getConnection's chain, rather than looking it up on every call.
		factory.setFrozen(true);
		return factory.getProxy(bean.getClass().getClassLoader());
	}

	private static boolean isTraced(Object bean) {
		if (bean instanceof Advised advised) {
			for (var advisor : advised.getAdvisors()) {
				if (advisor.getAdvice() instanceof ConnectionInterceptor) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean canSubclass(Class<?> type) {
		return Modifier.isPublic(type.getModifiers()) && !Modifier.isFinal(type.getModifiers())
				&& !java.lang.reflect.Proxy.isProxyClass(type) && type.getEnclosingClass() == null;
	}

	private static final class ConnectionInterceptor implements MethodInterceptor {

		private final TracedDatabase database;

		ConnectionInterceptor(JdbcTracer tracer) {
			this.database = new TracedDatabase(tracer);
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			Object connection = invocation.proceed();
			// Outside a trace the pool's own connection: nothing to pay for per statement.
			if (!(connection instanceof Connection raw) || !this.database.traces(Context.current())) {
				return connection;
			}
			return TracingConnection.wrap(raw, this.database);
		}

	}

}
