package io.github.oteltracing.autoconfigure;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Translates the standard {@code OTEL_*} environment variables into {@code tracing.*}
 * properties. Lists such as {@code OTEL_EXPORTER_OTLP_HEADERS=k1=v1,k2=v2} are split here
 * into one property per entry, so that binding them needs no converter from the
 * application's conversion service.
 */
final class OtelEnvironmentVariables {

	private OtelEnvironmentVariables() {
	}

	/**
	 * Maps the variables that are set to properties, keyed by property name; each value
	 * remembers the variable it came from.
	 * @param environment the process environment
	 * @return the properties, in a stable order
	 */
	static Map<String, Mapped> toProperties(Map<String, String> environment) {
		Map<String, Mapped> properties = new LinkedHashMap<>();
		Mapper mapper = new Mapper(environment, properties);
		mapper.map("OTEL_SDK_DISABLED", "tracing.enabled",
				(value) -> String.valueOf(!"true".equalsIgnoreCase(value.strip())));
		mapper.map("OTEL_SERVICE_NAME", "tracing.service-name", String::strip);
		mapper.mapList("OTEL_RESOURCE_ATTRIBUTES", "tracing.resource.attributes");
		mapper.mapSampler();
		mapper.map("OTEL_TRACES_EXPORTER", "tracing.exporter.type", OtelEnvironmentVariables::exporterType);
		mapper.mapSignal("ENDPOINT", "tracing.exporter.otlp.endpoint", String::strip);
		mapper.mapSignal("PROTOCOL", "tracing.exporter.otlp.protocol", String::strip);
		mapper.mapSignal("COMPRESSION", "tracing.exporter.otlp.compression", String::strip);
		mapper.mapSignal("TIMEOUT", "tracing.exporter.otlp.timeout", OtelEnvironmentVariables::millis);
		mapper.mapSignal("CERTIFICATE", "tracing.exporter.otlp.trusted-certificates", String::strip);
		mapper.mapList("OTEL_EXPORTER_OTLP_HEADERS", "tracing.exporter.otlp.headers");
		mapper.mapList("OTEL_EXPORTER_OTLP_TRACES_HEADERS", "tracing.exporter.otlp.headers");
		mapper.map("OTEL_PROPAGATORS", "tracing.propagation.types", OtelEnvironmentVariables::propagators);
		mapper.map("OTEL_BSP_SCHEDULE_DELAY", "tracing.exporter.batch.schedule-delay", OtelEnvironmentVariables::millis);
		mapper.map("OTEL_BSP_EXPORT_TIMEOUT", "tracing.exporter.batch.export-timeout", OtelEnvironmentVariables::millis);
		mapper.map("OTEL_BSP_MAX_QUEUE_SIZE", "tracing.exporter.batch.max-queue-size", String::strip);
		mapper.map("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "tracing.exporter.batch.max-export-batch-size", String::strip);
		return properties;
	}

	private static String exporterType(String value) {
		// A list such as "otlp,console" names several exporters; the first one is used.
		String first = value.split(",", -1)[0].strip().toLowerCase(Locale.ROOT);
		return "console".equals(first) ? "logging" : first;
	}

	/** {@code none} switches propagation off: an empty list of formats. */
	private static String propagators(String value) {
		String trimmed = value.strip();
		return "none".equalsIgnoreCase(trimmed) ? "" : trimmed;
	}

	/** The specification gives these durations in milliseconds. */
	private static String millis(String value) {
		String trimmed = value.strip();
		return trimmed.chars().allMatch(Character::isDigit) && !trimmed.isEmpty() ? trimmed + "ms" : trimmed;
	}

	/**
	 * A property value and the variable it came from.
	 *
	 * @param value the property value
	 * @param variable the environment variable
	 */
	record Mapped(String value, String variable) {
	}

	private static final class Mapper {

		private final Map<String, String> environment;

		private final Map<String, Mapped> properties;

		Mapper(Map<String, String> environment, Map<String, Mapped> properties) {
			this.environment = environment;
			this.properties = properties;
		}

		void map(String variable, String property, java.util.function.Function<String, String> conversion) {
			String value = this.environment.get(variable);
			if (value != null && !value.isBlank()) {
				this.properties.put(property, new Mapped(conversion.apply(value), variable));
			}
		}

		/** The traces-specific variable wins over the generic one, as the specification says. */
		void mapSignal(String suffix, String property, java.util.function.Function<String, String> conversion) {
			map("OTEL_EXPORTER_OTLP_" + suffix, property, conversion);
			map("OTEL_EXPORTER_OTLP_TRACES_" + suffix, property, conversion);
		}

		void mapList(String variable, String property) {
			String value = this.environment.get(variable);
			if (value == null || value.isBlank()) {
				return;
			}
			forEachEntry(value, (key, entry) -> this.properties.put(property + "[" + key + "]", new Mapped(entry, variable)));
		}

		void mapSampler() {
			String sampler = this.environment.get("OTEL_TRACES_SAMPLER");
			String argument = this.environment.get("OTEL_TRACES_SAMPLER_ARG");
			if (sampler != null && !sampler.isBlank()) {
				String name = sampler.strip().toLowerCase(Locale.ROOT);
				String strategy = switch (name) {
					case "always_on" -> "always-on";
					case "always_off" -> "always-off";
					case "traceidratio" -> "ratio";
					case "parentbased_always_on", "parentbased_always_off", "parentbased_traceidratio" ->
						"parent-based-ratio";
					default -> name;
				};
				this.properties.put("tracing.sampling.strategy", new Mapped(strategy, "OTEL_TRACES_SAMPLER"));
				// The parent-based constant samplers are the ratio strategy at its extremes.
				if (name.equals("parentbased_always_on") || name.equals("parentbased_always_off")) {
					String ratio = name.endsWith("_on") ? "1.0" : "0.0";
					this.properties.put("tracing.sampling.ratio", new Mapped(ratio, "OTEL_TRACES_SAMPLER"));
					return;
				}
			}
			// Only the ratio samplers take an argument; the others ignore it, as the specification says.
			boolean takesRatio = sampler == null || sampler.isBlank()
					|| sampler.strip().toLowerCase(Locale.ROOT).endsWith("traceidratio");
			if (takesRatio && argument != null && !argument.isBlank()) {
				this.properties.put("tracing.sampling.ratio", new Mapped(argument.strip(), "OTEL_TRACES_SAMPLER_ARG"));
			}
		}

	}

	/**
	 * Splits {@code k1=v1,k2=v2}, percent-decoding keys and values as the specification
	 * asks; entries without {@code =} or with an empty key are skipped.
	 */
	static void forEachEntry(String list, BiConsumer<String, String> action) {
		for (String entry : list.split(",")) {
			int separator = entry.indexOf('=');
			if (separator <= 0) {
				continue;
			}
			String key = decode(entry.substring(0, separator).strip());
			String value = decode(entry.substring(separator + 1).strip());
			if (!key.isEmpty()) {
				action.accept(key, value);
			}
		}
	}

	private static String decode(String value) {
		try {
			// URLDecoder would turn '+' into a space; the specification only uses %XX escapes.
			return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

}
