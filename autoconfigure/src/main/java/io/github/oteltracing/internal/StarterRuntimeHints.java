package io.github.oteltracing.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.Statement;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What the starter reads reflectively or creates at run time, for native images: the
 * annotations (read merged, so as JDK proxies of their types), the JDBC statement
 * wrappers (JDK proxies) and the resource with the starter's version. Spring Boot's types
 * that differ between generations are hinted by {@code SpringBootRuntimeHints}.
 */
class StarterRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		for (Class<?> annotation : new Class<?>[] { Traced.class, SpanAttribute.class }) {
			hints.reflection().registerType(annotation, MemberCategory.INVOKE_DECLARED_METHODS);
			hints.proxies().registerJdkProxy(annotation);
		}
		for (Class<?> statement : new Class<?>[] { Statement.class, PreparedStatement.class,
				CallableStatement.class }) {
			hints.proxies().registerJdkProxy(statement);
		}
		hints.resources().registerPattern("io/github/oteltracing/internal/starter.properties");
	}

}
