package io.github.oteltracing.sink;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One export call received by a {@link TraceSink}.
 *
 * @param path the request path, for example {@code /v1/traces}; for gRPC the full method
 * name as it appears in the HTTP/2 {@code :path}, for example
 * {@code /opentelemetry.proto.collector.trace.v1.TraceService/Export}
 * @param headers the request headers (gRPC: the request metadata) with lower-case names;
 * a header sent several times has its values joined with {@code ", "}; values of binary
 * gRPC headers ({@code -bin}) are Base64-encoded
 * @param contentEncoding the compression of the body as announced by the client, for
 * example {@code gzip}: the {@code Content-Encoding} header over HTTP, the
 * {@code grpc-encoding} header over gRPC; {@code null} when the body was not compressed
 * @param spanCount the number of spans in the request
 * @param bodySize the bytes of the request body as it travelled, compressed if
 * {@code contentEncoding} says so; {@code -1} when not known (a compressed gRPC message,
 * which the transport decompresses before the sink sees it)
 * @param messageSize the bytes of the uncompressed protobuf
 * {@code ExportTraceServiceRequest}
 */
public record ExportRequest(String path, Map<String, String> headers, String contentEncoding, int spanCount,
		int bodySize, int messageSize) {

	/**
	 * Creates a request; the headers are copied.
	 */
	public ExportRequest {
		Objects.requireNonNull(path, "path");
		headers = Map.copyOf(headers);
	}

	/**
	 * Returns the value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the header was not sent
	 */
	public String header(String name) {
		return this.headers.get(name.toLowerCase(Locale.ROOT));
	}

}
