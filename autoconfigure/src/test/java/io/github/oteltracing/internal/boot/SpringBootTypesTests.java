package io.github.oteltracing.internal.boot;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.client.RestTemplateCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SpringBootTypesTests {

	@Test
	void thisClassPathIsSpringBoot3() {
		SpringBootGeneration generation = SpringBootGeneration.of(getClass().getClassLoader());
		assertThat(generation).isEqualTo(SpringBootGeneration.BOOT_3);
		assertThat(generation.tracingExportProperty()).isEqualTo("management.tracing.enabled");
		assertThat(generation.restTemplateCustomizer(getClass().getClassLoader())).isEqualTo(RestTemplateCustomizer.class);
		assertThat(SpringBootGeneration.BOOT_4.restTemplateCustomizer(getClass().getClassLoader())).isNull();
	}

	@Test
	void callbackRunsTheActionWithTheArgument() {
		List<Object> seen = new ArrayList<>();
		Callback callback = (Callback) SpringBootTypes.callback(Callback.class, seen::add);
		callback.accept("first");
		callback.twice("second");
		assertThat(seen).containsExactly("first", "second", "second");
		assertThat(callback).isEqualTo(callback).isNotEqualTo(SpringBootTypes.callback(Callback.class, seen::add));
		assertThat(callback.hashCode()).isEqualTo(System.identityHashCode(callback));
		assertThat(callback).hasToString("Tracing " + Callback.class.getName());
	}

	@Test
	void callbackNeedsOneAbstractMethodOfOneArgument() {
		assertThatIllegalStateException().isThrownBy(() -> SpringBootTypes.callback(Runnable.class, (argument) -> {
		}));
		assertThatIllegalStateException().isThrownBy(() -> SpringBootTypes.callback(TwoMethods.class, (argument) -> {
		}));
	}

	@Test
	void registeredBeanIsFoundByTypeBeforeItIsCreated() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		List<Object> seen = new ArrayList<>();
		beanFactory.registerSingleton("seen", new Seen(seen));
		SpringBootTypes.register(beanFactory, "callback", Callback.class, SpringBootTypesTests.class, "callback");
		assertThat(beanFactory.getBeanNamesForType(Callback.class, true, false)).containsExactly("callback");
		assertThat(beanFactory.containsSingleton("callback")).isFalse();
		beanFactory.getBean(Callback.class).accept("value");
		assertThat(seen).containsExactly("value");
	}

	@Test
	void aBeanOfTheSameNameIsKept() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("callback", new RootBeanDefinition(String.class, () -> "mine"));
		SpringBootTypes.register(beanFactory, "callback", Callback.class, SpringBootTypesTests.class, "callback");
		assertThat(beanFactory.getBean("callback")).isEqualTo("mine");
	}

	// The factory method of the registered bean: its parameter is autowired.
	static Object callback(Seen seen) {
		return SpringBootTypes.callback(Callback.class, seen.values()::add);
	}

	record Seen(List<Object> values) {
	}

	@FunctionalInterface
	interface Callback {

		void accept(Object argument);

		default void twice(Object argument) {
			accept(argument);
			accept(argument);
		}

	}

	interface TwoMethods {

		void first(Object argument);

		void second(Object argument);

	}

}
