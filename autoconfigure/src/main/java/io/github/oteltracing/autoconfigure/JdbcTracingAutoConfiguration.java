package io.github.oteltracing.autoconfigure;

import javax.sql.DataSource;

import io.github.oteltracing.internal.jdbc.DataSourceTracingPostProcessor;
import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * A CLIENT span per statement (and per batch) executed through any {@link DataSource}
 * bean, named and attributed by the database semantic conventions.
 */
@AutoConfiguration(after = OpenTelemetrySdkAutoConfiguration.class)
@ConditionalOnTracingEnabled
@ConditionalOnBooleanProperty(name = "tracing.jdbc.enabled", matchIfMissing = true)
@ConditionalOnClass({ OpenTelemetry.class, DataSource.class })
public final class JdbcTracingAutoConfiguration {

	// Static, with the settings bound from the environment and the SDK looked up lazily:
	// post-processors are created before other beans, the properties bean among them.
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static DataSourceTracingPostProcessor tracingDataSourcePostProcessor(ObjectProvider<OpenTelemetry> openTelemetry,
			Environment environment) {
		JdbcTracingProperties properties = Binder.get(environment)
			.bind("tracing.jdbc", JdbcTracingProperties.class)
			.orElseGet(JdbcTracingProperties::new);
		return new DataSourceTracingPostProcessor(openTelemetry, properties.getQueryText(), properties.isRootSpans());
	}

}
