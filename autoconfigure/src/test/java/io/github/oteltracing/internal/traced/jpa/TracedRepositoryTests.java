package io.github.oteltracing.internal.traced.jpa;

import io.github.oteltracing.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import io.github.oteltracing.autoconfigure.PropagationAutoConfiguration;
import io.github.oteltracing.autoconfigure.SamplingAutoConfiguration;
import io.github.oteltracing.autoconfigure.SpanExportAutoConfiguration;
import io.github.oteltracing.autoconfigure.TracedAutoConfiguration;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @Traced} on a Spring Data JPA repository interface, on an embedded H2 database:
 * spans are named after the repository, not after the JDK proxy Spring Data makes for it.
 */
class TracedRepositoryTests {

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, JpaRepositoriesAutoConfiguration.class, AopAutoConfiguration.class,
				SamplingAutoConfiguration.class, PropagationAutoConfiguration.class, SpanExportAutoConfiguration.class,
				OpenTelemetrySdkAutoConfiguration.class, TracedAutoConfiguration.class))
		.withPropertyValues("tracing.exporter.type=none", "spring.jpa.open-in-view=false")
		.withBean(SpanProcessor.class, () -> SimpleSpanProcessor.create(this.exporter))
		.withUserConfiguration(Repositories.class);

	@Test
	void repositoryMethodsAreNamedAfterTheRepositoryInterface() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			OwnerRepository owners = context.getBean(OwnerRepository.class);
			Owner saved = owners.save(new Owner("Ann"));
			assertThat(owners.findById(saved.getId())).map(Owner::getName).hasValue("Ann");
			owners.toString();
			assertThat(this.exporter.getFinishedSpanItems()).extracting(SpanData::getName)
				.containsExactly("save-owner", "find-by-id");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableJpaRepositories(basePackageClasses = OwnerRepository.class)
	@EntityScan(basePackageClasses = Owner.class)
	static class Repositories {

	}

}
