package io.github.oteltracing.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.github.oteltracing.sink.ExportRequest;
import io.github.oteltracing.sink.ReceivedSpan;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * What spans weigh as OTLP: the measurement behind the sizing in {@code docs/scaling.md}.
 * Either as the services sent them (the bodies the sink received) or re-batched into full
 * export requests, as a busy service sends them.
 *
 * @param requests the number of export requests
 * @param spans the number of spans they carried
 * @param gzipBytes the bytes of the gzip-compressed bodies
 * @param protobufBytes the bytes of the uncompressed protobuf messages
 */
record WireSize(int requests, int spans, long gzipBytes, long protobufBytes) {

	/**
	 * Sums the export requests a sink received, all gzip-compressed.
	 * @param requests the requests
	 * @return their sizes
	 * @throws IllegalArgumentException if a request was not gzip-compressed or its body size
	 * is unknown
	 */
	static WireSize received(List<ExportRequest> requests) {
		int spans = 0;
		long gzip = 0;
		long protobuf = 0;
		for (ExportRequest request : requests) {
			if (!"gzip".equals(request.contentEncoding()) || request.bodySize() < 0) {
				throw new IllegalArgumentException("Not a gzip-compressed body of known size: " + request);
			}
			spans += request.spanCount();
			gzip += request.bodySize();
			protobuf += request.messageSize();
		}
		return new WireSize(requests.size(), spans, gzip, protobuf);
	}

	/**
	 * Re-batches spans the way one busy service instance sends them: per resource (one
	 * service instance), export requests of up to {@code batchSize} spans, compressed as
	 * the OTLP exporter does (gzip at its default level).
	 * @param spans the spans
	 * @param batchSize the most spans per request, as
	 * {@code tracing.exporter.batch.max-export-batch-size}
	 * @return the sizes of those requests
	 */
	static WireSize rebatched(List<ReceivedSpan> spans, int batchSize) {
		Map<Resource, List<ReceivedSpan>> byResource = new LinkedHashMap<>();
		spans.forEach((span) -> byResource.computeIfAbsent(span.resource(), (resource) -> new ArrayList<>()).add(span));
		int requests = 0;
		long gzip = 0;
		long protobuf = 0;
		for (Map.Entry<Resource, List<ReceivedSpan>> resource : byResource.entrySet()) {
			List<ReceivedSpan> all = resource.getValue();
			for (int from = 0; from < all.size(); from += batchSize) {
				byte[] message = request(resource.getKey(), all.subList(from, Math.min(all.size(), from + batchSize)))
					.toByteArray();
				requests++;
				protobuf += message.length;
				gzip += gzip(message).length;
			}
		}
		return new WireSize(requests, spans.size(), gzip, protobuf);
	}

	double gzipBytesPerSpan() {
		return (double) this.gzipBytes / this.spans;
	}

	double protobufBytesPerSpan() {
		return (double) this.protobufBytes / this.spans;
	}

	/**
	 * Describes the sizes in one line.
	 * @return for example {@code 5 requests, 120 spans: 9 876 bytes gzip (82 per span), ...}
	 */
	String describe() {
		return String.format(Locale.ROOT,
				"%d requests, %d spans: %d bytes gzip (%.0f per span), %d bytes uncompressed protobuf (%.0f per span)",
				this.requests, this.spans, this.gzipBytes, gzipBytesPerSpan(), this.protobufBytes,
				protobufBytesPerSpan());
	}

	private static ExportTraceServiceRequest request(Resource resource, List<ReceivedSpan> spans) {
		Map<InstrumentationScope, ScopeSpans.Builder> byScope = new LinkedHashMap<>();
		spans.forEach((span) -> byScope.computeIfAbsent(span.scope(), (scope) -> ScopeSpans.newBuilder().setScope(scope))
			.addSpans(span.proto()));
		ResourceSpans.Builder resourceSpans = ResourceSpans.newBuilder().setResource(resource);
		byScope.values().forEach(resourceSpans::addScopeSpans);
		return ExportTraceServiceRequest.newBuilder().addResourceSpans(resourceSpans).build();
	}

	private static byte[] gzip(byte[] message) {
		ByteArrayOutputStream compressed = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
			out.write(message);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return compressed.toByteArray();
	}

}
