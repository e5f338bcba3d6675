package io.github.oteltracing.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Spring Boot's rule for a health indicator, in every generation:
 * {@code management.health.tracing.enabled}, else
 * {@code management.health.defaults.enabled}, else on.
 */
class OnTracingHealthIndicatorEnabledCondition extends SpringBootCondition {

	private static final String PROPERTY = "management.health.tracing.enabled";

	private static final String DEFAULTS_PROPERTY = "management.health.defaults.enabled";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String property = context.getEnvironment().containsProperty(PROPERTY) ? PROPERTY : DEFAULTS_PROPERTY;
		boolean enabled = context.getEnvironment().getProperty(property, Boolean.class, true);
		return new ConditionOutcome(enabled, "the tracing health indicator is "
				+ (enabled ? "enabled" : "disabled") + " (" + property + ")");
	}

}
