package io.github.oteltracing.internal.traced;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.autoconfigure.TracedAutoConfiguration;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @Traced} method that cannot be traced as written stops the application while
 * it starts, with a failure analysis that names the method; no business call is needed.
 */
class TracedStartupValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TracedAutoConfiguration.class))
		.withBean(OpenTelemetry.class, OpenTelemetry::noop);

	@Test
	void attributeWithoutSeparatorFailsStartUp() {
		this.runner.withBean(MissingSeparator.class).run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains(MissingSeparator.class.getName() + ".checkout()")
				.contains("\"component\"")
				.contains("key=value");
			assertThat(analysis.getAction()).contains("key=value").contains("component=checkout");
		});
	}

	@Test
	void attributeWithEmptyKeyFailsStartUp() {
		this.runner.withBean(EmptyKey.class).run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains(EmptyKey.class.getName() + ".checkout()")
				.contains("\" = checkout\"");
		});
	}

	@Test
	void typeLevelAttributeFailsStartUp() {
		this.runner.withBean(MalformedType.class).run((context) -> assertThat(analysis(context).getDescription())
			.contains(MalformedType.class.getName()).contains("\"tier\""));
	}

	@Test
	void everyTracedMethodIsCheckedNotOnlyTheFirst() {
		this.runner.withBean(OneBadAmongMany.class).run((context) -> assertThat(analysis(context).getDescription())
			.contains(OneBadAmongMany.class.getName() + ".f()"));
	}

	@Test
	void wellFormedAnnotationsStart() {
		this.runner.withBean(WellFormed.class).run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void parameterNameThatCannotBeFoundFailsStartUp(@TempDir Path classes) throws Exception {
		Class<?> gateway = compileWithoutParameterNames(classes);
		this.runner.withBean(gateway).run((context) -> {
			FailureAnalysis analysis = analysis(context);
			assertThat(analysis.getDescription()).contains(gateway.getName() + ".charge(java.lang.String)")
				.contains("-parameters");
			assertThat(analysis.getAction()).contains("@SpanAttribute(\"").contains("-parameters");
		});
	}

	// The starter's analyzers as Spring Boot finds them, so that an unregistered one fails here.
	private static List<FailureAnalyzer> starterAnalyzers() {
		return SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> {
			}))
			.stream()
			.filter((analyzer) -> analyzer.getClass().getName().startsWith("io.github.oteltracing."))
			.toList();
	}

	private static FailureAnalysis analysis(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = starterAnalyzers().stream()
			.map((analyzer) -> analyzer.analyze(context.getStartupFailure()))
			.filter((candidate) -> candidate != null)
			.findFirst()
			.orElse(null);
		assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
		assertThat(analysis.getDescription()).startsWith("@Traced method ");
		return analysis;
	}

	/**
	 * Compiles a traced class the way a build without {@code -parameters} does, so that its
	 * parameter names are not in the class file.
	 */
	@SuppressWarnings("unchecked")
	private static <T> Class<T> compileWithoutParameterNames(Path classes) throws Exception {
		Path source = classes.resolve("PaymentGateway.java");
		Files.writeString(source, """
				package io.github.oteltracing.traced.compiled;

				public class PaymentGateway {

					@io.github.oteltracing.annotation.Traced
					public void charge(@io.github.oteltracing.annotation.SpanAttribute String card) {
					}

				}
				""");
		String classPath = Stream.of(Traced.class, SpanKind.class, AliasFor.class)
			.map(TracedStartupValidationTests::location)
			.collect(Collectors.joining(File.pathSeparator));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler.run(null, null, null, "-classpath", classPath, "-d", classes.toString(), source.toString()))
			.isZero();
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				TracedStartupValidationTests.class.getClassLoader());
		return (Class<T>) loader.loadClass("io.github.oteltracing.traced.compiled.PaymentGateway");
	}

	private static String location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class MissingSeparator {

		@Traced(attributes = "component")
		public void checkout() {
		}

	}

	static class EmptyKey {

		@Traced(attributes = { "tier=gold", " = checkout" })
		public void checkout() {
		}

	}

	@Traced(attributes = "tier")
	static class MalformedType {

		public void send() {
		}

	}

	static class OneBadAmongMany {

		@Traced
		public void a() {
		}

		@Traced
		public void b() {
		}

		@Traced
		public void c() {
		}

		@Traced
		public void d() {
		}

		@Traced
		public void e() {
		}

		@Traced(attributes = "broken")
		public void f() {
		}

	}

	static class WellFormed {

		@Traced(attributes = { "component=checkout", "note=a=b" })
		public void checkout(@SpanAttribute String customer) {
		}

	}

}
