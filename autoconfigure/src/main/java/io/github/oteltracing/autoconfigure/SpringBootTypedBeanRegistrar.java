package io.github.oteltracing.autoconfigure;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;

/**
 * Registers beans whose type is a Spring Boot type that differs between generations, so
 * it is known only from the application's class loader; the bean's instance comes from
 * the bean factory when first needed.
 */
abstract class SpringBootTypedBeanRegistrar
		implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware, BeanFactoryAware {

	private ClassLoader classLoader;

	private BeanFactory beanFactory;

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	ClassLoader classLoader() {
		return this.classLoader;
	}

	BeanFactory beanFactory() {
		return this.beanFactory;
	}

}
