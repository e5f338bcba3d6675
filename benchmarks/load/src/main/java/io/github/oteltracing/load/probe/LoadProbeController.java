package io.github.oteltracing.load.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oteltracing.internal.exporter.SpanExportMonitor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the load script reads from each service: spans created and what became of them,
 * and the heap after a full collection. Left out of tracing by the script
 * ({@code tracing.http.server.exclude-paths=/load/**}).
 */
@RestController
class LoadProbeController {

	private final SpanCounter counter;

	private final ObjectProvider<SpanExportMonitor> monitor;

	LoadProbeController(SpanCounter counter, ObjectProvider<SpanExportMonitor> monitor) {
		this.counter = counter;
		this.monitor = monitor;
	}

	@GetMapping(path = "/load/spans", produces = "text/plain")
	String spans() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("created", this.counter.ended());
		SpanExportMonitor monitor = this.monitor.getIfAvailable();
		if (monitor != null) {
			values.put("exported", monitor.spansExported());
			values.put("dropped", monitor.spansDroppedQueueFull() + monitor.spansDroppedExportFailed());
			values.put("queued", monitor.queueSize());
			values.put("failures", monitor.exportFailures());
		}
		return text(values);
	}

	@PostMapping(path = "/load/reset", produces = "text/plain")
	String reset() {
		this.counter.reset();
		return "reset\n";
	}

	@GetMapping(path = "/load/heap", produces = "text/plain")
	String heap() {
		System.gc();
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		return text(Map.of("heapUsedMb", heap.getUsed() / (1024 * 1024)));
	}

	private static String text(Map<String, Object> values) {
		StringBuilder text = new StringBuilder();
		values.forEach((key, value) -> text.append(key).append(' ').append(value).append('\n'));
		return text.toString();
	}

}
