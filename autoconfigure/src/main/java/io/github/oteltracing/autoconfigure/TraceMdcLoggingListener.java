package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.internal.logging.TraceMdcHook;
import io.github.oteltracing.logging.TraceMdc;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * Hooks {@link TraceMdc} into logging again each time Spring Boot has initialized it, for
 * every {@code SpringApplication} in the JVM, whatever its settings: Spring Boot's Logback
 * support stops and resets Logback's context then, which removes the turbo filter and the
 * listener that would re-add it. Without this, one application starting (or failing to
 * start) after another had closed or been paused would silently end log correlation for
 * all the others. Does nothing until an application with {@code tracing.logging.mdc} on
 * has installed the hook.
 */
class TraceMdcLoggingListener implements GenericApplicationListener {

	// Right after Spring Boot's LoggingApplicationListener (HIGHEST_PRECEDENCE + 20).
	private static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 21;

	@Override
	public boolean supportsEventType(ResolvableType eventType) {
		Class<?> type = eventType.getRawClass();
		return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
				|| ApplicationFailedEvent.class.isAssignableFrom(type));
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		TraceMdcHook.attachToLogging();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
