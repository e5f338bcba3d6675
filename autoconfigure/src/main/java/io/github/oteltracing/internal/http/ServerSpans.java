package io.github.oteltracing.internal.http;

import io.github.oteltracing.internal.instrumentation.LazyTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;

/**
 * How {@code SERVER} spans start and end, whichever web stack serves the request: the
 * Spring MVC and WebFlux filters read their request and response their own way and leave
 * naming, status mapping and failure recording to this class, so both record the same
 * request the same way.
 */
public final class ServerSpans {

	/** W3C Trace Context Level 2 response header. */
	public static final String TRACE_RESPONSE_HEADER = "traceresponse";

	private static final String TRACE_RESPONSE_VERSION = "00-";

	private final ExcludedPaths excludedPaths;

	private final boolean traceResponse;

	private final LazyTracer tracer;

	private final RouteSpanNames routeSpanNames = new RouteSpanNames();

	/**
	 * Creates the server side of HTTP tracing.
	 * @param openTelemetry the OpenTelemetry to trace with
	 * @param excludedPaths the paths never traced
	 * @param traceResponse whether responses carry a {@code traceresponse} header
	 */
	public ServerSpans(OpenTelemetry openTelemetry, ExcludedPaths excludedPaths, boolean traceResponse) {
		this.tracer = new LazyTracer(() -> openTelemetry, HttpSpans.INSTRUMENTATION_SCOPE);
		this.excludedPaths = excludedPaths;
		this.traceResponse = traceResponse;
	}

	/**
	 * Whether requests to the path are not traced.
	 * @param path the request path, without the context path
	 * @return {@code true} to skip tracing
	 */
	public boolean isExcluded(String path) {
		return this.excludedPaths.isExcluded(path);
	}

	/**
	 * Whether requests to the path that starts at an offset of a request URI are not traced.
	 * @param requestUri the request URI
	 * @param from where the path starts in it: the length of the context path
	 * @return {@code true} to skip tracing
	 */
	public boolean isExcluded(String requestUri, int from) {
		return this.excludedPaths.isExcluded(requestUri, from);
	}

	/**
	 * The propagator that reads the caller's context.
	 * @return the text map propagator
	 */
	public TextMapPropagator propagator() {
		return this.tracer.propagator();
	}

	/**
	 * A builder for the request's span, named after the method until the route is known.
	 * @param parent the caller's context
	 * @param rawMethod the request method
	 * @return the builder, with kind, parent and method attributes set
	 */
	public SpanBuilder spanBuilder(Context parent, String rawMethod) {
		SpanBuilder builder = this.tracer.tracer().spanBuilder(HttpSpans.spanNameMethod(rawMethod))
			.setParent(parent)
			.setSpanKind(SpanKind.SERVER);
		HttpSpans.method(builder, rawMethod);
		return builder;
	}

	/**
	 * The {@code traceresponse} header value for the span: version {@code 00}, the trace
	 * id, the server span's id and its flags.
	 * @param span the server span
	 * @return the header value, or {@code null} when the option is off or the span invalid
	 */
	public String traceResponse(Span span) {
		SpanContext context = span.getSpanContext();
		if (!this.traceResponse || !context.isValid()) {
			return null;
		}
		return TRACE_RESPONSE_VERSION + context.getTraceId() + "-" + context.getSpanId() + "-"
				+ context.getTraceFlags().asHex();
	}

	/**
	 * Sets the server's address and port; a port the request does not state is the
	 * scheme's default, as the conventions say.
	 * @param builder the span builder
	 * @param scheme the request scheme
	 * @param host the host the client addressed, or {@code null}
	 * @param port the port the client addressed, negative if it named none
	 */
	public static void server(SpanBuilder builder, String scheme, String host, int port) {
		if (host == null) {
			return;
		}
		builder.setAttribute(ServerAttributes.SERVER_ADDRESS, host);
		int known = (port >= 0) ? port : defaultPort(scheme);
		if (known >= 0) {
			builder.setAttribute(ServerAttributes.SERVER_PORT, known);
		}
	}

	/**
	 * Sets the client and network peer: the original client from the forwarding headers
	 * when present, otherwise the socket peer, which is always the network peer.
	 * @param builder the span builder
	 * @param forwarded the {@code Forwarded} header, or {@code null}
	 * @param forwardedFor the {@code X-Forwarded-For} header, or {@code null}
	 * @param peerAddress the socket peer's address, or {@code null}
	 * @param peerPort the socket peer's port, or a negative number
	 */
	public static void client(SpanBuilder builder, String forwarded, String forwardedFor, String peerAddress,
			int peerPort) {
		String client = ForwardedClient.address(forwarded, forwardedFor);
		String address = (client != null) ? client : peerAddress;
		if (address != null) {
			builder.setAttribute(ClientAttributes.CLIENT_ADDRESS, address);
		}
		if (peerAddress != null) {
			builder.setAttribute(NetworkAttributes.NETWORK_PEER_ADDRESS, peerAddress);
			if (peerPort > 0) {
				builder.setAttribute(NetworkAttributes.NETWORK_PEER_PORT, peerPort);
			}
		}
	}

	/**
	 * Sets {@code network.protocol.version} from a protocol such as {@code HTTP/2.0}.
	 * @param builder the span builder
	 * @param protocol the request protocol, or {@code null}
	 */
	public static void protocol(SpanBuilder builder, String protocol) {
		String version = HttpSpans.protocolVersion(protocol);
		if (version != null) {
			builder.setAttribute(NetworkAttributes.NETWORK_PROTOCOL_VERSION, version);
		}
	}

	/**
	 * Ends a server span: named after the route when known, the status recorded, failing
	 * on a 5xx or on the given failure.
	 * @param span the span
	 * @param method the method as in the span name
	 * @param route the route template, or {@code null}
	 * @param status the status the client got, or {@code 0} if it got none
	 * @param failure the failure to record as the span's error, or {@code null}
	 */
	public void end(Span span, String method, Object route, int status, Throwable failure) {
		try {
			// Unsampled spans drop names and attributes: do not make them.
			if (route != null && span.isRecording()) {
				String template = route.toString();
				span.setAttribute(HttpAttributes.HTTP_ROUTE, template);
				span.updateName(this.routeSpanNames.name(method, template));
			}
			if (failure != null) {
				if (status > 0) {
					span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, status);
				}
				HttpSpans.failure(span, failure);
			}
			else if (status > 0) {
				HttpSpans.status(span, status, true);
			}
		}
		finally {
			span.end();
		}
	}

	private static int defaultPort(String scheme) {
		if ("http".equalsIgnoreCase(scheme) || "ws".equalsIgnoreCase(scheme)) {
			return 80;
		}
		if ("https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme)) {
			return 443;
		}
		return -1;
	}

}
