package io.github.oteltracing.internal.boot;

import java.util.stream.Stream;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * Spring Boot types that the starter uses by name, for native images: the callback
 * interfaces it implements as JDK proxies or calls reflectively, and Spring Boot 4's
 * health and observation types, for whichever generation the application is built on.
 */
class SpringBootRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		SpringBootGeneration generation = SpringBootGeneration.of(classLoader);
		Stream.of(generation.restTemplateCustomizer(classLoader), classOrNull(SpringBootHealth.BOOT_4_HEALTH_INDICATOR,
				classLoader))
			.filter((type) -> type != null)
			.forEach((type) -> {
				hints.proxies().registerJdkProxy(type);
				hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
			});
		for (SpringBootGeneration.Callback callback : SpringBootGeneration.Callback.values()) {
			Class<?> type = generation.callback(callback, classLoader);
			if (type != null) {
				hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
			}
		}
		for (String name : new String[] { SpringBootHealth.BOOT_4_HEALTH, SpringBootHealth.BOOT_4_HEALTH + "$Builder",
				SpringBootTypes.OBSERVATION_HANDLER_GROUP }) {
			if (ClassUtils.isPresent(name, classLoader)) {
				hints.reflection().registerType(TypeReference.of(name), MemberCategory.INVOKE_PUBLIC_METHODS);
			}
		}
	}

	private static Class<?> classOrNull(String name, ClassLoader classLoader) {
		return ClassUtils.isPresent(name, classLoader) ? ClassUtils.resolveClassName(name, classLoader) : null;
	}

}
