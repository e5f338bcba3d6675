package io.github.oteltracing.internal.jdbc;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.github.oteltracing.jdbc.QueryTextMode;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the wrapped data source keeps of the bean's, and that borrowing a connection from
 * it outside a trace costs nothing.
 */
class DataSourceTracingPostProcessorTests {

	private final DataSourceTracingPostProcessor postProcessor = new DataSourceTracingPostProcessor(
			new DefaultListableBeanFactory().getBeanProvider(OpenTelemetry.class), QueryTextMode.SANITIZED, false);

	@Test
	void poolKeepsItsClass() {
		StubDataSource pool = new StubDataSource();
		Object wrapped = wrap(pool);
		assertThat(wrapped).isInstanceOf(StubDataSource.class).isNotSameAs(pool);
		assertThat(ClassUtils.getUserClass(wrapped)).isEqualTo(StubDataSource.class);
		// Methods other than getConnection reach the pool itself.
		((StubDataSource) wrapped).close();
		assertThat(pool.closed()).isOne();
	}

	@Test
	void finalClassIsWrappedByItsInterfaces() {
		FinalStubDataSource pool = new FinalStubDataSource();
		Object wrapped = wrap(pool);
		assertThat(Proxy.isProxyClass(wrapped.getClass())).isTrue();
		assertThat(wrapped).isInstanceOf(DataSource.class).isInstanceOf(AutoCloseable.class);
	}

	@Test
	void classWithAFinalMethodIsWrappedByItsInterfaces() {
		Object wrapped = wrap(new FinalMethodStubDataSource());
		assertThat(wrapped).isNotInstanceOf(FinalMethodStubDataSource.class).isInstanceOf(DataSource.class);
	}

	@Test
	void dataSourceThatIsAJdkProxyIsWrappedByItsInterfaces() throws SQLException {
		StubDataSource pool = new StubDataSource();
		DataSource jdkProxy = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> method.invoke(pool, args));
		DataSource wrapped = (DataSource) wrap(jdkProxy);
		assertThat(wrapped).isNotSameAs(jdkProxy);
		assertThat(wrapped.getConnection()).isSameAs(pool.getConnection());
		assertThat(wrapped.unwrap(StubDataSource.class)).isSameAs(pool);
		assertThat(wrap(wrapped)).isSameAs(wrapped);
	}

	@Test
	void unwrapGivesTheWrapperWhereItIsOfTheTypeAndThePoolOtherwise() throws SQLException {
		StubDataSource pool = new StubDataSource();
		DataSource wrapped = (DataSource) wrap(pool);
		assertThat(wrapped.unwrap(StubDataSource.class)).isSameAs(wrapped);
		assertThat(wrapped.unwrap(DataSource.class)).isSameAs(wrapped);
		assertThat(wrapped.isWrapperFor(StubDataSource.class)).isTrue();
		FinalStubDataSource finalPool = new FinalStubDataSource();
		DataSource wrappedByInterfaces = (DataSource) wrap(finalPool);
		assertThat(wrappedByInterfaces.unwrap(FinalStubDataSource.class)).isSameAs(finalPool);
		assertThat(wrappedByInterfaces.unwrap(DataSource.class)).isSameAs(wrappedByInterfaces);
		assertThat(wrappedByInterfaces.isWrapperFor(FinalStubDataSource.class)).isTrue();
		assertThat(wrappedByInterfaces.isWrapperFor(String.class)).isFalse();
	}

	@Test
	void wrappedOnlyOnce() {
		for (StubDataSource pool : new StubDataSource[] { new StubDataSource(), new FinalStubDataSource() }) {
			Object wrapped = wrap(pool);
			assertThat(wrap(wrapped)).isSameAs(wrapped);
			assertThat(new DataSourceTracingPostProcessor(
					new DefaultListableBeanFactory().getBeanProvider(OpenTelemetry.class), QueryTextMode.RAW, true)
				.postProcessAfterInitialization(wrapped, "again")).isSameAs(wrapped);
		}
	}

	@Test
	void equalsHashCodeAndToStringAreThePools() {
		for (StubDataSource pool : new StubDataSource[] { new StubDataSource(), new FinalStubDataSource() }) {
			Object wrapped = wrap(pool);
			Object wrappedByAnother = new DataSourceTracingPostProcessor(
					new DefaultListableBeanFactory().getBeanProvider(OpenTelemetry.class), QueryTextMode.RAW, false)
				.postProcessAfterInitialization(pool, "another");
			assertThat(wrapped).isEqualTo(wrapped).isEqualTo(wrappedByAnother).isNotEqualTo(pool);
			assertThat(wrapped).isNotEqualTo(wrap(new StubDataSource()));
			assertThat(wrapped.hashCode()).isEqualTo(pool.hashCode());
			assertThat(wrapped.toString()).isEqualTo(pool.toString());
		}
	}

	@Test
	void connectionBorrowedInsideATraceTracesItsStatements() throws SQLException {
		for (StubDataSource pool : new StubDataSource[] { new StubDataSource(), new FinalStubDataSource() }) {
			DataSource wrapped = (DataSource) wrap(pool);
			assertThat(wrapped.getConnection()).isSameAs(pool.getConnection());
			try (Scope scope = sampledSpan().makeCurrent()) {
				assertThat(wrapped.getConnection()).isInstanceOf(TracingConnection.class);
				assertThat(wrapped.getConnection("user", "secret")).isInstanceOf(TracingConnection.class);
			}
		}
	}

	@Test
	void borrowingOutsideATraceAllocatesNothing() throws SQLException {
		assertThat(bytesPerBorrow((DataSource) wrap(new StubDataSource()))).isZero();
	}

	@Test
	void borrowingOutsideATraceThroughTheInterfacesAllocatesNothing() throws SQLException {
		assertThat(bytesPerBorrow((DataSource) wrap(new FinalStubDataSource()))).isZero();
	}

	private Object wrap(Object bean) {
		return this.postProcessor.postProcessAfterInitialization(bean, "dataSource");
	}

	private static Span sampledSpan() {
		return Span.wrap(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
				TraceFlags.getSampled(), TraceState.getDefault()));
	}

	// Averaged over many borrows, so that the odd allocation of the measuring itself rounds away.
	private static long bytesPerBorrow(DataSource dataSource) throws SQLException {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		int borrows = 200_000;
		for (int i = 0; i < borrows; i++) {
			dataSource.getConnection();
		}
		long before = threads.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < borrows; i++) {
			dataSource.getConnection();
		}
		return (threads.getCurrentThreadAllocatedBytes() - before) / borrows;
	}

}
