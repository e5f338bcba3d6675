package io.github.oteltracing.boot4;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.oteltracing.internal.boot.SpringBootGeneration;
import org.aspectj.weaver.loadtime.Agent;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application on Spring Boot 4's parent gets from the starter alone: Spring Boot
 * 4 and Spring Framework 7 throughout, and Boot 4's own AOP jars. The starter declares
 * {@code spring-boot-starter-aop}, which Boot 4 no longer manages: it resolves to the 3.5
 * starter, an empty jar whose dependencies (spring-aop, aspectjweaver) Boot 4's BOM
 * manages to its own versions.
 */
class Boot4ClasspathTests {

	private static final Pattern SPRING_BOOT_JAR = Pattern
		.compile("/org/springframework/boot/(spring-boot[^/]*)/([^/]+)/[^/]+\\.jar$");

	@Test
	void springBoot4AndSpringFramework7() {
		assertThat(SpringBootVersion.getVersion()).isEqualTo(System.getProperty("expected.spring-boot.version"));
		assertThat(SpringVersion.getVersion()).startsWith("7.0.");
		assertThat(SpringBootGeneration.of(getClass().getClassLoader())).isEqualTo(SpringBootGeneration.BOOT_4);
	}

	@Test
	void aopJarsAreBoot4s() {
		assertThat(ProxyFactory.class.getPackage().getImplementationVersion()).isEqualTo(SpringVersion.getVersion());
		assertThat(jarOf(Agent.class)).endsWith("aspectjweaver-" + System.getProperty("expected.aspectj.version") + ".jar");
	}

	@Test
	void everySpringBootJarIsBoot4ExceptTheEmptyAopStarter() throws IOException {
		List<String[]> jars = classPath().stream()
			.map(SPRING_BOOT_JAR::matcher)
			.filter(Matcher::find)
			.map((jar) -> new String[] { jar.group(1), jar.group(2), jar.group(0) })
			.toList();
		assertThat(jars).isNotEmpty();
		for (String[] jar : jars) {
			if (jar[0].equals("spring-boot-starter-aop")) {
				assertThat(classesIn(jar[2])).as("classes in %s", jar[2]).isZero();
			}
			else {
				assertThat(jar[1]).as(jar[0]).isEqualTo(SpringBootVersion.getVersion());
			}
		}
	}

	private static List<String> classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map((entry) -> entry.replace(File.separatorChar, '/'))
			.toList();
	}

	private static long classesIn(String suffix) throws IOException {
		String path = classPath().stream().filter((entry) -> entry.endsWith(suffix)).findFirst().orElseThrow();
		try (JarFile jar = new JarFile(path)) {
			return jar.stream().filter((entry) -> entry.getName().endsWith(".class")).count();
		}
	}

	private static String jarOf(Class<?> type) {
		return type.getProtectionDomain().getCodeSource().getLocation().getPath();
	}

}
