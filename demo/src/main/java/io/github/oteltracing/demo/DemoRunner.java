package io.github.oteltracing.demo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.oteltracing.sink.ReceivedSpan;
import io.github.oteltracing.sink.TraceSink;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;

/**
 * The demo: a trace sink that the sample services export to, which waits for them, sends
 * the {@link Scenario sample orders} and prints each order's trace as a {@link Waterfall}.
 * Started by {@code demo.sh}, which starts and stops the services.
 *
 * <pre>
 * java -jar otel-tracing-demo-exec.jar --sink-port 4318 --order-url http://127.0.0.1:8080 \
 *     --wait-for order-service=127.0.0.1:8080 --wait-for inventory-service=127.0.0.1:8081 ...
 * </pre>
 *
 * Exits with 0 when every order got its expected answer and its trace arrived with a
 * root span, 1 otherwise, 2 for bad arguments.
 */
public final class DemoRunner {

	private static final String USAGE = """
			Usage: DemoRunner [--sink-port N] [--order-url URL] [--wait-for NAME=HOST:PORT]... \
			[--startup-timeout SECONDS] [--ascii]""";

	// Longer than the services' batch schedule delay, so that a trace's last spans are in.
	private static final Duration QUIET = Duration.ofMillis(1500);

	private static final Duration TRACE_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	private static final ObjectMapper JSON = new ObjectMapper();

	// The starter's default tracing.exporter.batch.max-export-batch-size: what a busy service sends.
	private static final int FULL_BATCH = 512;

	// 128 + SIGPIPE, what a shell reports for a command that wrote to a closed pipe.
	static final int OUTPUT_CLOSED_STATUS = 141;

	private final Options options;

	private final PrintStream out;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private DemoRunner(Options options, PrintStream out) {
		this.options = options;
		this.out = out;
	}

	public static void main(String[] args) throws InterruptedException {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			System.exit(2);
			return;
		}
		boolean unicode = !options.ascii() && utf8Terminal();
		PrintStream out = new PrintStream(new ClosedOutputDetecting(new FileOutputStream(FileDescriptor.out)), true,
				unicode ? StandardCharsets.UTF_8 : Charset.defaultCharset());
		Waterfall waterfall = new Waterfall(unicode ? Waterfall.Glyphs.UNICODE : Waterfall.Glyphs.ASCII);
		int status;
		try {
			status = new DemoRunner(options, out).run(waterfall);
			out.flush();
		}
		catch (OutputClosedException ex) {
			// Nobody reads any more (./demo.sh | head): stop now, as a command killed by SIGPIPE does.
			status = OUTPUT_CLOSED_STATUS;
		}
		System.exit(status);
	}

	private int run(Waterfall waterfall) throws InterruptedException {
		TraceSink sink;
		try {
			sink = TraceSink.startHttp(this.options.sinkPort());
		}
		catch (UncheckedIOException ex) {
			System.err.println("The trace sink cannot listen on 127.0.0.1:" + this.options.sinkPort()
					+ " (is the port taken?): " + ex.getCause().getMessage());
			return 1;
		}
		try (sink) {
			this.out.println("Trace sink: receiving OTLP http/protobuf on " + sink.endpoint() + "/v1/traces");
			if (!awaitServices()) {
				return 1;
			}
			warmUp();
			this.out.println();
			this.out.println("Sending orders to " + this.options.orderUrl() + "/orders");
			List<Sent> sent = new ArrayList<>();
			for (Scenario scenario : Scenario.all()) {
				sent.add(send(scenario));
			}
			Set<String> traceIds = new LinkedHashSet<>();
			sent.stream().map(Sent::traceId).filter(Objects::nonNull).forEach(traceIds::add);
			this.out.println();
			this.out.println("Waiting for the services to export their spans...");
			Map<String, List<ReceivedSpan>> traces = Traces.await(sink, traceIds, QUIET, TRACE_TIMEOUT);
			boolean ok = sent.stream().allMatch((s) -> s.status() == s.scenario().expectedStatus());
			for (Sent order : sent) {
				ok &= print(order, traces, waterfall);
			}
			printSummary(sent, traces);
			printWireSize(sink, traces);
			return ok ? 0 : 1;
		}
	}

	private void printSummary(List<Sent> sent, Map<String, List<ReceivedSpan>> traces) {
		List<ReceivedSpan> spans = traces.values()
			.stream()
			.flatMap(List::stream)
			.sorted(Comparator.comparingLong(ReceivedSpan::startEpochNanos))
			.toList();
		Set<String> services = new LinkedHashSet<>();
		spans.forEach((span) -> services.add(span.serviceName()));
		this.out.println();
		this.out.printf("%d orders, %d traces, %d spans from %d services (%s).%n", sent.size(), traces.size(),
				spans.size(), services.size(), String.join(", ", services));
	}

	// The figures docs/scaling.md sizes the Collector tiers with, warm-up round included.
	private void printWireSize(TraceSink sink, Map<String, List<ReceivedSpan>> traces) {
		this.out.println("On the wire, as the services exported them: " + WireSize.received(sink.requests()).describe()
				+ ".");
		this.out.println("Re-batched per service instance into requests of up to " + FULL_BATCH + " spans: "
				+ WireSize.rebatched(sink.spans(), FULL_BATCH).describe() + ".");
		// Failed traces carry stack traces in their exception events: most traces are not like them.
		List<ReceivedSpan> withoutErrors = traces.values()
			.stream()
			.filter((trace) -> trace.stream().noneMatch((span) -> span.statusCode() == StatusCode.STATUS_CODE_ERROR))
			.flatMap(List::stream)
			.toList();
		if (!withoutErrors.isEmpty()) {
			this.out.println("The same, only the shown traces without an error: "
					+ WireSize.rebatched(withoutErrors, FULL_BATCH).describe() + ".");
		}
	}

	private boolean awaitServices() throws InterruptedException {
		if (this.options.services().isEmpty()) {
			return true;
		}
		Duration timeout = this.options.startupTimeout();
		this.out.println("Waiting up to " + timeout.toSeconds() + " s for "
				+ String.join(", ", this.options.services().keySet()) + " to start...");
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		for (Map.Entry<String, InetSocketAddress> service : this.options.services().entrySet()) {
			while (!accepts(service.getValue())) {
				if (System.nanoTime() > deadline) {
					System.err.println(service.getKey() + " did not accept connections on " + service.getValue()
							+ " within " + timeout.toSeconds() + " s");
					return false;
				}
				Thread.sleep(250);
			}
		}
		this.out.printf("All services up after %.1f s.%n", (System.nanoTime() - started) / 1e9);
		return true;
	}

	private static boolean accepts(InetSocketAddress address) {
		try (Socket socket = new Socket()) {
			socket.connect(address, 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	// A JVM's first requests are many times slower than the next ones (class loading, JIT):
	// without a warm-up round, that noise would hide the slow product in the waterfalls.
	private void warmUp() throws InterruptedException {
		this.out.println("Warming up: one round of the orders, whose traces are not shown.");
		for (Scenario scenario : Scenario.all()) {
			post(scenario);
		}
	}

	private Sent send(Scenario scenario) throws InterruptedException {
		Sent sent = post(scenario);
		String expectation = (sent.status() == scenario.expectedStatus()) ? ""
				: " (expected " + scenario.expectedStatus() + ")";
		this.out.printf("  %-13s %-58s -> %d%s %s%n", scenario.name(), scenario.description(), sent.status(),
				expectation, sent.summary());
		return sent;
	}

	private Sent post(Scenario scenario) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.options.orderUrl() + "/orders"))
			.timeout(REQUEST_TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(scenario.requestBody()))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return Sent.of(scenario, response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Sent(scenario, -1, null, "request failed: " + ex);
		}
	}

	private boolean print(Sent order, Map<String, List<ReceivedSpan>> traces, Waterfall waterfall) {
		this.out.println();
		this.out.println("== " + order.scenario().name() + ": " + order.scenario().description() + " -> "
				+ order.status() + " ==");
		if (order.traceId() == null) {
			this.out.println("(the answer named no trace)");
			return false;
		}
		List<ReceivedSpan> trace = traces.getOrDefault(order.traceId(), List.of());
		if (trace.isEmpty()) {
			this.out.println("(no span of trace " + order.traceId() + " arrived)");
			return false;
		}
		this.out.print(waterfall.render(trace));
		if (!Traces.hasRoot(trace)) {
			this.out.println("(incomplete: the root span did not arrive)");
			return false;
		}
		return true;
	}

	// The usual POSIX precedence: LC_ALL, then LC_CTYPE, then LANG.
	private static boolean utf8Terminal() {
		return Stream.of("LC_ALL", "LC_CTYPE", "LANG")
			.map(System::getenv)
			.filter((value) -> value != null && !value.isEmpty())
			.findFirst()
			.map((value) -> value.toUpperCase(Locale.ROOT).replace("-", "").contains("UTF8"))
			.orElse(false);
	}

	/**
	 * Standard output that ends the run when the reader has gone: a {@link PrintStream}
	 * only records write errors, which would let the demo run on for minutes, printing to
	 * nobody, while the services it waits for keep running.
	 */
	static final class ClosedOutputDetecting extends FilterOutputStream {

		ClosedOutputDetecting(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) {
			try {
				this.out.write(b);
			}
			catch (IOException ex) {
				throw new OutputClosedException(ex);
			}
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			try {
				this.out.write(bytes, offset, length);
			}
			catch (IOException ex) {
				throw new OutputClosedException(ex);
			}
		}

		@Override
		public void flush() {
			try {
				this.out.flush();
			}
			catch (IOException ex) {
				throw new OutputClosedException(ex);
			}
		}

	}

	/**
	 * Standard output can no longer be written.
	 */
	static final class OutputClosedException extends UncheckedIOException {

		OutputClosedException(IOException cause) {
			super(cause);
		}

	}

	/**
	 * What the order service answered.
	 */
	private record Sent(Scenario scenario, int status, String traceId, String summary) {

		static Sent of(Scenario scenario, int status, String body) {
			JsonNode json;
			try {
				json = JSON.readTree(body);
			}
			catch (IOException ex) {
				return new Sent(scenario, status, null, "(unreadable answer)");
			}
			String traceId = json.path("traceId").asText(null);
			String summary = json.has("id") ? "order " + json.path("id").asText()
					: json.path("detail").asText(json.path("title").asText(""));
			return new Sent(scenario, status, traceId, summary);
		}

	}

	/**
	 * The command line.
	 */
	private record Options(int sinkPort, String orderUrl, Map<String, InetSocketAddress> services,
			Duration startupTimeout, boolean ascii) {

		static Options parse(String[] args) {
			int sinkPort = 4318;
			String orderUrl = "http://127.0.0.1:8080";
			Map<String, InetSocketAddress> services = new LinkedHashMap<>();
			Duration startupTimeout = Duration.ofSeconds(180);
			boolean ascii = false;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--ascii")) {
					ascii = true;
					continue;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Missing value after " + arg);
				}
				String value = args[++i];
				switch (arg) {
					case "--sink-port" -> sinkPort = number(arg, value);
					case "--order-url" -> orderUrl = value.replaceAll("/+$", "");
					case "--startup-timeout" -> startupTimeout = Duration.ofSeconds(number(arg, value));
					case "--wait-for" -> {
						int equals = value.indexOf('=');
						int colon = value.lastIndexOf(':');
						if (equals <= 0 || colon <= equals + 1) {
							throw new IllegalArgumentException("--wait-for needs NAME=HOST:PORT, not " + value);
						}
						services.put(value.substring(0, equals), new InetSocketAddress(
								value.substring(equals + 1, colon), number(arg, value.substring(colon + 1))));
					}
					default -> throw new IllegalArgumentException("Unknown option " + arg);
				}
			}
			return new Options(sinkPort, orderUrl, services, startupTimeout, ascii);
		}

		private static int number(String option, String value) {
			try {
				return Integer.parseInt(value);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(option + " needs a number, not " + value);
			}
		}

	}

}
