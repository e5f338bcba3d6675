package io.github.oteltracing.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.util.ClassUtils;

/**
 * One whole export of a full batch (512 HTTP server spans) by the OTLP http/protobuf
 * exporter the starter builds, over the JDK's {@code HttpClient} to a receiver on a
 * loopback port in the same JVM: encoding, compression, the request and its response,
 * once the JIT has compiled all of it. That is the steady state to set against what the
 * services spend on exporting under load (docs/benchmarks.md). Run with
 * {@link ProcessCpuTimeProfiler}: the sending happens on the exporter's and the
 * {@code HttpClient}'s threads, not on the benchmark's, and the receiver's CPU is reported
 * apart so that it can be subtracted.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// A minute of warm-up: the JIT compiles the JDK HttpClient's code for a long while.
@Warmup(iterations = 30, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class OtlpExportBenchmark {

	private static final String RECEIVER_THREAD = "otlp-receiver";

	private static final String OKHTTP_SENDER = "io.opentelemetry.exporter.sender.okhttp.internal.OkHttpHttpSenderProvider";

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	// JMH tears the trial down before the last iteration's profilers read the threads.
	private static volatile long receiverCpuAtStop;

	@Param({ "gzip", "none" })
	public String compression;

	private List<SpanData> batch;

	private HttpServer receiver;

	private ExecutorService receiverThread;

	private OtlpHttpSpanExporter exporter;

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.batch = OtlpEncodingBenchmark.serverSpans(OtlpEncodingBenchmark.BATCH);
		// One thread that lives as long as the trial, so that its CPU time can be read.
		this.receiverThread = Executors.newSingleThreadExecutor((task) -> new Thread(task, RECEIVER_THREAD));
		this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		this.receiver.setExecutor(this.receiverThread);
		this.receiver.createContext("/v1/traces", OtlpExportBenchmark::accept);
		this.receiver.start();
		this.exporter = OtlpHttpSpanExporter.builder()
			.setEndpoint("http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/v1/traces")
			.setCompression(this.compression)
			.build();
		if (ClassUtils.isPresent(OKHTTP_SENDER, OtlpExportBenchmark.class.getClassLoader())) {
			throw new IllegalStateException("OkHttp's sender is on the class path; the exporter may not use the JDK's");
		}
		export();
	}

	@TearDown(Level.Trial)
	public void stop() {
		receiverCpuAtStop = receiverCpuTime();
		this.exporter.shutdown().join(10, TimeUnit.SECONDS);
		this.receiver.stop(0);
		this.receiverThread.shutdownNow();
	}

	@Benchmark
	public boolean export() {
		CompletableResultCode result = this.exporter.export(this.batch).join(10, TimeUnit.SECONDS);
		if (!result.isSuccess()) {
			throw new IllegalStateException("Export failed: " + result.getFailureThrowable());
		}
		return true;
	}

	/**
	 * CPU time so far of the receiver's threads (its handler's and the server's dispatcher,
	 * which both live as long as the trial), in nanoseconds.
	 */
	static long receiverCpuTime() {
		long total = 0;
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			String name = thread.getName();
			if (name.equals(RECEIVER_THREAD) || name.equals("HTTP-Dispatcher")) {
				total += Math.max(threads.getThreadCpuTime(thread.getId()), 0);
			}
		}
		return (total > 0) ? total : receiverCpuAtStop;
	}

	// Reads the whole request, as a collector does, and answers with an empty
	// ExportTraceServiceResponse (all fields absent: zero bytes).
	private static void accept(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			body.transferTo(OutputStream.nullOutputStream());
		}
		exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
		exchange.sendResponseHeaders(200, -1);
		exchange.close();
	}

}
