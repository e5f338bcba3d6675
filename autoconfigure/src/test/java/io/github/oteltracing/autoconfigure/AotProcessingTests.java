package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AOT processes an application with every auto-configuration of the starter (as
 * {@code spring-boot:process-aot} does), and the hints a native image needs are
 * registered. acceptance-tests/aot runs the processed application.
 */
class AotProcessingTests {

	@Test
	void everyBeanOfTheStarterIsProcessedAheadOfTime() {
		TracingAutoConfigurationsSupport.runner()
			.withUserConfiguration(TracedBean.class)
			.withPropertyValues("tracing.exporter.type=none")
			.prepare((context) -> {
				GenerationContext generation = new DefaultGenerationContext(
						new ClassNameGenerator(ClassName.get(AotProcessingTests.class)), new InMemoryGeneratedFiles());
				new ApplicationContextAotGenerator().processAheadOfTime(
						(GenericApplicationContext) context.getSourceApplicationContext(), generation);
				RuntimeHints hints = generation.getRuntimeHints();
				assertThat(RuntimeHintsPredicates.proxies().forInterfaces(RestTemplateCustomizer.class)).accepts(hints);
				assertThat(RuntimeHintsPredicates.proxies().forInterfaces(Traced.class)).accepts(hints);
				assertThat(RuntimeHintsPredicates.proxies().forInterfaces(SpanAttribute.class)).accepts(hints);
				assertThat(RuntimeHintsPredicates.reflection()
					.onType(Traced.class)
					.withMemberCategory(MemberCategory.INVOKE_DECLARED_METHODS)).accepts(hints);
				assertThat(RuntimeHintsPredicates.reflection().onMethod(TracedBean.class, "reserveStock").invoke())
					.accepts(hints);
				assertThat(RuntimeHintsPredicates.resource().forResource("io/github/oteltracing/internal/starter.properties"))
					.accepts(hints);
			});
	}

	static class TracedBean {

		@Traced
		public String reserveStock(@SpanAttribute String sku) {
			return sku;
		}

	}

}
