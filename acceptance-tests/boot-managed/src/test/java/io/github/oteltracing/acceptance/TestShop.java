package io.github.oteltracing.acceptance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.oteltracing.sink.TraceSink;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the shop in this JVM without a web server. Settings are passed as command-line
 * arguments: for the keys they set, they beat any {@code OTEL_*} or {@code TRACING_*}
 * variables of the machine running the build.
 */
final class TestShop {

	private TestShop() {
	}

	/**
	 * Starts the shop exporting to the sink, with a short batch delay unless the settings
	 * give one.
	 */
	static ConfigurableApplicationContext start(TraceSink sink, String... settings) {
		Map<String, String> args = new LinkedHashMap<>();
		args.put("tracing.exporter.otlp.endpoint", sink.endpoint());
		args.put("tracing.exporter.batch.schedule-delay", "100ms");
		// A key given twice on the command line would bind as a list, so later ones replace.
		for (String setting : settings) {
			int separator = setting.indexOf('=');
			args.put(setting.substring(0, separator), setting.substring(separator + 1));
		}
		return start(args.entrySet().stream().map((entry) -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new));
	}

	/**
	 * Starts the shop with the settings, each {@code key=value}.
	 */
	static ConfigurableApplicationContext start(String... settings) {
		List<String> args = new ArrayList<>();
		args.add("--spring.main.banner-mode=off");
		for (String setting : settings) {
			args.add("--" + setting);
		}
		return new SpringApplicationBuilder(ShopApplication.class).web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
	}

}
