package io.github.oteltracing.archfixtures.sdk;

import org.springframework.boot.SpringApplication;

/**
 * Breaks "only the wiring names Spring Boot types".
 */
public class CapabilityThatNamesSpringBoot {

	SpringApplication application;

}
