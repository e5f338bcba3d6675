package io.github.oteltracing.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;

/**
 * Reports a bad {@code tracing.*} value in a few lines: the property, the value, where it
 * came from, what is wrong and what is accepted. Runs before Spring Boot's generic
 * binding analyzer.
 */
class TracingConfigurationFailureAnalyzer implements FailureAnalyzer, Ordered {

	private static final String PREFIX = "tracing.";

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException bind && bind.getName().toString().startsWith(PREFIX)) {
				return analyze(bind, failure);
			}
			if (cause instanceof InvalidPropertyValueException invalid && invalid.getProperty() != null) {
				return report(invalid.getProperty(), invalid.getValue(), null, invalid.getMessage(),
						invalid.getAccepted(), failure);
			}
		}
		return null;
	}

	private FailureAnalysis analyze(BindException bind, Throwable failure) {
		ConfigurationProperty property = bind.getProperty();
		String name = (property != null) ? property.getName().toString() : bind.getName().toString();
		Object value = (property != null) ? property.getValue() : null;
		Origin origin = (property != null) ? property.getOrigin() : null;
		Throwable reason = bind.getCause();
		for (Throwable cause = reason; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidPropertyValueException invalid) {
				return report(name, value, origin, invalid.getMessage(), invalid.getAccepted(), failure);
			}
		}
		Class<?> enumType = (reason instanceof ConversionFailedException conversion) ? enumType(conversion.getTargetType())
				: null;
		if (enumType != null) {
			String accepted = "one of " + Arrays.stream(enumType.getEnumConstants())
				.map(Object::toString)
				.collect(Collectors.joining(", "));
			return report(name, value, origin, "is not a known value", accepted, failure);
		}
		Class<?> target = bind.getTarget().getType().resolve(Object.class);
		if (target == Duration.class) {
			return report(name, value, origin, "is not valid as a duration", "a duration such as 500ms, 10s or 1m",
					failure);
		}
		return report(name, value, origin, "is not valid as " + target.getSimpleName(),
				"a value of type " + target.getSimpleName(), failure);
	}

	private FailureAnalysis report(String property, Object value, Origin origin, String problem, String accepted,
			Throwable failure) {
		StringBuilder description = new StringBuilder();
		description.append("Invalid tracing configuration: ").append(property).append(' ').append(problem).append(".\n\n");
		description.append("    Property: ").append(property).append('\n');
		description.append("    Value:    \"").append(value).append("\"\n");
		if (origin != null) {
			description.append("    Origin:   ").append(origin).append('\n');
		}
		String action = "Set " + property + " to " + accepted + ".";
		return new FailureAnalysis(description.toString(), action, failure);
	}

	/** The enum a value converts to, alone or as the elements of a list. */
	private static Class<?> enumType(TypeDescriptor type) {
		TypeDescriptor element = type.isCollection() || type.isArray() ? type.getElementTypeDescriptor() : type;
		return (element != null && element.getType().isEnum()) ? element.getType() : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
