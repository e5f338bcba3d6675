package io.github.oteltracing.load.probe;

import io.github.oteltracing.internal.exporter.SpanExportMonitor;
import io.opentelemetry.sdk.trace.SpanProcessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.RestController;

/**
 * Added to the sample services by the load script (on the loader path): the starter adds
 * the {@link SpanCounter} to its tracer provider like any other span processor bean.
 */
@AutoConfiguration
@ConditionalOnClass({ SpanProcessor.class, RestController.class })
public class LoadProbeAutoConfiguration {

	@Bean
	SpanCounter loadSpanCounter() {
		return new SpanCounter();
	}

	@Bean
	LoadProbeController loadProbeController(SpanCounter counter, ObjectProvider<SpanExportMonitor> monitor) {
		return new LoadProbeController(counter, monitor);
	}

}
