package io.github.oteltracing.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the batch processor's thread spends per export of a full batch (512 spans like the
 * starter's HTTP server spans): OTLP protobuf encoding alone ({@code encode}), and encoding
 * with gzip, the starter's default {@code tracing.exporter.otlp.compression}
 * ({@code encodeGzip}). The bytes go nowhere: the network is not measured. Divide by 512
 * for the cost per span. Uses the OTLP exporter's internal marshaler, the one its HTTP
 * sender uses.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Thread)
public class OtlpEncodingBenchmark {

	static final int BATCH = 512;

	private final List<SpanData> batch = new ArrayList<>();

	private final CountingStream out = new CountingStream();

	@Setup
	public void spans() {
		this.batch.addAll(serverSpans(BATCH));
	}

	/** Ended HTTP server spans with the attributes the starter's filters give them. */
	static List<SpanData> serverSpans(int count) {
		List<SpanData> spans = new ArrayList<>(count);
		try (SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build()) {
			Tracer tracer = tracerProvider.get("io.github.oteltracing.http");
			for (int i = 0; i < count; i++) {
				Span span = tracer.spanBuilder("GET /owners/{ownerId}")
					.setSpanKind(SpanKind.SERVER)
					.setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, "GET")
					.setAttribute(UrlAttributes.URL_PATH, "/owners/" + i)
					.setAttribute(UrlAttributes.URL_SCHEME, "http")
					.setAttribute(ServerAttributes.SERVER_ADDRESS, "localhost")
					.setAttribute(ServerAttributes.SERVER_PORT, 8080L)
					.setAttribute(NetworkAttributes.NETWORK_PEER_ADDRESS, "127.0.0.1")
					.setAttribute(NetworkAttributes.NETWORK_PEER_PORT, 40000L + i)
					.setAttribute(UserAgentAttributes.USER_AGENT_ORIGINAL, "wrk/4.2.0")
					.setAttribute(NetworkAttributes.NETWORK_PROTOCOL_VERSION, "1.1")
					.startSpan();
				span.setAttribute(HttpAttributes.HTTP_ROUTE, "/owners/{ownerId}");
				span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 200L);
				span.end();
				spans.add(((ReadableSpan) span).toSpanData());
			}
		}
		return spans;
	}

	@Benchmark
	public long encode() throws IOException {
		this.out.count = 0;
		TraceRequestMarshaler.create(this.batch).writeBinaryTo(this.out);
		return this.out.count;
	}

	@Benchmark
	public long encodeGzip() throws IOException {
		this.out.count = 0;
		try (GZIPOutputStream gzip = new GZIPOutputStream(this.out)) {
			TraceRequestMarshaler.create(this.batch).writeBinaryTo(gzip);
		}
		return this.out.count;
	}

	/** Counts the bytes, keeps none. */
	static final class CountingStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.count += length;
		}

	}

}
