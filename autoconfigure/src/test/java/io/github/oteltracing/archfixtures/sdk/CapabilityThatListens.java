package io.github.oteltracing.archfixtures.sdk;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Breaks "Spring Boot SPI classes live with the wiring".
 */
public class CapabilityThatListens implements ApplicationListener<ContextRefreshedEvent> {

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
	}

}
