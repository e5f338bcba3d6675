package io.github.oteltracing.internal.boot;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Beans whose type is a Spring Boot type that is not the same in every generation, so
 * that the starter knows it only at run time. The bean definition carries the type, so
 * Spring Boot finds the bean by type before it is created, as it would a typed
 * {@code @Bean} method; the bean comes from a static factory method, which Spring AOT
 * turns into generated code as it does {@code @Bean} methods (an instance supplier it
 * could not).
 */
public final class SpringBootTypes {

	/**
	 * Spring Boot 4's {@code ObservationHandlerGroup}.
	 */
	public static final String OBSERVATION_HANDLER_GROUP = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationHandlerGroup";

	private SpringBootTypes() {
	}

	/**
	 * Registers a bean of the given type, unless there is a bean of that name already.
	 * @param registry the registry
	 * @param beanName the bean name
	 * @param type the bean's type
	 * @param factoryClass the class that declares the factory method
	 * @param factoryMethod the name of a static method of the factory class that creates
	 * the bean, when it is first needed; its parameters are autowired
	 */
	public static void register(BeanDefinitionRegistry registry, String beanName, Class<?> type,
			Class<?> factoryClass, String factoryMethod) {
		if (registry.containsBeanDefinition(beanName)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(factoryClass);
		definition.setFactoryMethodName(factoryMethod);
		definition.setAutowireMode(AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR);
		definition.setTargetType(type);
		definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		registry.registerBeanDefinition(beanName, definition);
	}

	/**
	 * The class loader of the application whose beans a bean factory holds.
	 * @param beanFactory the bean factory
	 * @return its bean class loader
	 */
	public static ClassLoader classLoader(BeanFactory beanFactory) {
		return (beanFactory instanceof ConfigurableBeanFactory configurable) ? configurable.getBeanClassLoader()
				: SpringBootTypes.class.getClassLoader();
	}

	/**
	 * Implements a Spring Boot callback interface whose one abstract method takes one
	 * argument and returns nothing, such as {@code RestTemplateCustomizer}.
	 * @param callbackType the interface
	 * @param action what the method does with its argument
	 * @return the implementation
	 */
	public static Object callback(Class<?> callbackType, Consumer<Object> action) {
		Method method = singleAbstractMethod(callbackType);
		return implement(callbackType, method, (args) -> {
			action.accept(args[0]);
			return null;
		});
	}

	/**
	 * Implements one abstract method of a Spring Boot interface; its default methods keep
	 * their own code.
	 * @param type the interface
	 * @param method its abstract method
	 * @param body what the method does with its arguments
	 * @return the implementation
	 */
	static Object implement(Class<?> type, Method method, Function<Object[], Object> body) {
		InvocationHandler handler = (proxy, invoked, args) -> {
			if (invoked.getDeclaringClass() == Object.class) {
				return switch (invoked.getName()) {
					case "equals" -> proxy == args[0];
					case "hashCode" -> System.identityHashCode(proxy);
					default -> "Tracing " + type.getName();
				};
			}
			if (invoked.equals(method)) {
				return body.apply(args);
			}
			return InvocationHandler.invokeDefault(proxy, invoked, args);
		};
		return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
	}

	/**
	 * Applies every bean of one of Spring Boot's callback types, in order, to an object,
	 * as Spring Boot would: for example each {@code SdkTracerProviderBuilderCustomizer} to
	 * the starter's tracer provider builder.
	 * @param beanFactory where the beans are
	 * @param callback the callback
	 * @param argument what each bean's one method is called with
	 */
	public static void applyCallbacks(BeanFactory beanFactory, SpringBootGeneration.Callback callback,
			Object argument) {
		ClassLoader classLoader = classLoader(beanFactory);
		Class<?> callbackType = SpringBootGeneration.of(classLoader).callback(callback, classLoader);
		if (callbackType == null) {
			return;
		}
		Method method = singleAbstractMethod(callbackType);
		beanFactory.getBeanProvider(callbackType)
			.orderedStream()
			.forEach((bean) -> ReflectionUtils.invokeMethod(method, bean, argument));
	}

	/**
	 * Spring Boot 4's {@code ObservationHandlerGroup} of the handlers of one type.
	 * @param classLoader the application's class loader
	 * @param memberType the type of the group's handlers
	 * @return the group
	 */
	public static Object observationHandlerGroup(ClassLoader classLoader, Class<?> memberType) {
		Class<?> groupType = ClassUtils.resolveClassName(OBSERVATION_HANDLER_GROUP, classLoader);
		Method of = ReflectionUtils.findMethod(groupType, "of", Class.class);
		return ReflectionUtils.invokeMethod(of, null, memberType);
	}

	// Checked up front, so that a changed Spring Boot interface fails at start-up, not per call.
	private static Method singleAbstractMethod(Class<?> callbackType) {
		List<Method> methods = Arrays.stream(callbackType.getMethods())
			.filter((method) -> Modifier.isAbstract(method.getModifiers()))
			.toList();
		if (!callbackType.isInterface() || methods.size() != 1 || methods.get(0).getParameterCount() != 1
				|| methods.get(0).getReturnType() != void.class) {
			throw new IllegalStateException(
					callbackType.getName() + " is not an interface with one abstract method of one argument");
		}
		return methods.get(0);
	}

}
