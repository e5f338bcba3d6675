package io.github.oteltracing.autoconfigure;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;

/**
 * Registers beans whose type is a Spring Boot type that differs between generations, so
 * it is known only from the application's class loader; the bean's instance comes from a
 * static factory method when first needed.
 */
abstract class SpringBootTypedBeanRegistrar implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware {

	private ClassLoader classLoader;

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	ClassLoader classLoader() {
		return this.classLoader;
	}

}
