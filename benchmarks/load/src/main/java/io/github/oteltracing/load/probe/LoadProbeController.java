package io.github.oteltracing.load.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oteltracing.internal.exporter.SpanExportMonitor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	/**
	 * Runs an async-profiler command ({@code start,event=cpu...}, {@code stop,file=...}) in
	 * this JVM, when the load script has put the profiler's jar on the loader path and named
	 * its native library in the {@code load.profiler} system property ({@code LOAD_PROFILE}).
	 * Reflection, so that the probe needs the profiler only when it is asked to profile.
	 * @param command the profiler command
	 * @return what the profiler answered
	 * @throws ReflectiveOperationException if the profiler is not there
	 */
	@PostMapping(path = "/load/profile", produces = "text/plain")
	String profile(@RequestParam String command) throws ReflectiveOperationException {
		Class<?> profilerClass = Class.forName("one.profiler.AsyncProfiler");
		Object profiler = profilerClass.getMethod("getInstance", String.class)
			.invoke(null, System.getProperty("load.profiler"));
		return String.valueOf(profilerClass.getMethod("execute", String.class).invoke(profiler, command));
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
