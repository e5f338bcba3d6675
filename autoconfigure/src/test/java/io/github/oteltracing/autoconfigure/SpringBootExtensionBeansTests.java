package io.github.oteltracing.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.exporter.SpanReporter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.autoconfigure.tracing.SdkTracerProviderBuilderCustomizer;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpHttpSpanExporterBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's and Micrometer's extension beans for a tracing SDK, which Spring Boot
 * applies to its own SDK: the starter's SDK, for which Spring Boot's backs off, applies
 * them too, and says in one WARN line which ones nothing uses where the application
 * replaced the part that would apply them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBootExtensionBeansTests {

	private final ApplicationContextRunner runner = TracingAutoConfigurationsSupport.runner();

	@Test
	void appliesSpringBootsTracerProviderCustomizers() {
		this.runner.withUserConfiguration(BootCustomizers.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(SdkTracerProvider.class).getSpanLimits().getMaxNumberOfAttributes())
				.isEqualTo(3);
		});
	}

	@Test
	void appliesSpringBootsOtlpExporterCustomizers() {
		this.runner.withUserConfiguration(BootCustomizers.class)
			.run((context) -> assertThat(context.getBean(SpanExporter.class)).asString()
				.contains("X-Customized-By-Boot"));
	}

	@Test
	void exportsThroughMicrometersPredicatesFiltersAndReporters() {
		this.runner.withUserConfiguration(MicrometerHooks.class)
			.withPropertyValues("tracing.exporter.type=none", "tracing.exporter.batch.schedule-delay=10ms")
			.run((context) -> {
				SdkTracerProvider tracerProvider = context.getBean(SdkTracerProvider.class);
				tracerProvider.get("test").spanBuilder("noise").startSpan().end();
				tracerProvider.get("test").spanBuilder("work").startSpan().end();
				tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
				List<SpanData> exported = context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
				assertThat(exported).singleElement().satisfies((span) -> {
					assertThat(span.getName()).isEqualTo("work");
					assertThat(span.getAttributes().get(AttributeKey.stringKey("filtered"))).isEqualTo("yes");
				});
				assertThat(context.getBean(MicrometerHooks.class).reported).containsExactly("work");
			});
	}

	@Test
	void warnsOnceAboutBeansThatNothingUses(CapturedOutput output) {
		this.runner.withUserConfiguration(MicrometerHooks.class, UserBatchProcessor.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(warnings(output)).singleElement()
				.asString()
				.contains("'dropNoise' (SpanExportingPredicate)", "'tagFiltered' (SpanFilter)",
						"'reportNames' (SpanReporter)", "'tracingOtlpSpanExporter' (SpanExporter)",
						"the application's BatchSpanProcessor replaces the starter's")
				.doesNotContain("inMemorySpanExporter");
		});
		this.runner.withUserConfiguration(BootCustomizers.class, UserTracerProvider.class)
			.run((context) -> assertThat(warnings(output)).last()
				.asString()
				.contains("'limitAttributes' (SdkTracerProviderBuilderCustomizer)",
						"the application's SdkTracerProvider replaces the starter's"));
	}

	@Test
	void warnsAboutNothingWhereEverythingIsUsed(CapturedOutput output) {
		this.runner.withUserConfiguration(BootCustomizers.class, MicrometerHooks.class)
			.run((context) -> assertThat(warnings(output)).isEmpty());
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("Tracing: beans not used")).toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class BootCustomizers {

		@Bean
		SdkTracerProviderBuilderCustomizer limitAttributes() {
			return (builder) -> builder.setSpanLimits(SpanLimits.builder().setMaxNumberOfAttributes(3).build());
		}

		@Bean
		OtlpHttpSpanExporterBuilderCustomizer addHeader() {
			return (builder) -> builder.addHeader("X-Customized-By-Boot", "yes");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MicrometerHooks {

		final List<String> reported = new CopyOnWriteArrayList<>();

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

		@Bean
		SpanExportingPredicate dropNoise() {
			return (span) -> !span.getName().equals("noise");
		}

		@Bean
		SpanFilter tagFiltered() {
			return (span) -> span.setTags(Map.of("filtered", "yes"));
		}

		@Bean
		SpanReporter reportNames() {
			return (FinishedSpan span) -> this.reported.add(span.getName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBatchProcessor {

		@Bean
		BatchSpanProcessor userBatchSpanProcessor() {
			return BatchSpanProcessor.builder(LoggingSpanExporter.create()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTracerProvider {

		@Bean
		SdkTracerProvider userTracerProvider() {
			return SdkTracerProvider.builder().build();
		}

	}

}
