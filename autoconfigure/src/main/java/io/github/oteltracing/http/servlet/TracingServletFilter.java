package io.github.oteltracing.http.servlet;

import java.io.IOException;
import java.util.Collections;

import io.github.oteltracing.http.BoundedHeaders;
import io.github.oteltracing.http.ExcludedPaths;
import io.github.oteltracing.http.HttpSpans;
import io.github.oteltracing.internal.StarterTracers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.semconv.ClientAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.NetworkAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Opens one {@code SERVER} span per Spring MVC request, continuing the caller's trace.
 * The span is named {@code METHOD /route/{template}} once the handler is known, so ids in
 * paths never end up in span names.
 */
public final class TracingServletFilter extends OncePerRequestFilter {

	private static final TextMapGetter<HttpServletRequest> HEADERS = new RequestHeaders();

	private final OpenTelemetry openTelemetry;

	private final ExcludedPaths excludedPaths;

	private volatile Tracer tracer;

	public TracingServletFilter(OpenTelemetry openTelemetry, ExcludedPaths excludedPaths) {
		this.openTelemetry = openTelemetry;
		this.excludedPaths = excludedPaths;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.excludedPaths.isExcluded(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		TextMapPropagator propagator = this.openTelemetry.getPropagators().getTextMapPropagator();
		Context parent = propagator.extract(Context.root(), request, HEADERS);
		String method = HttpSpans.spanNameMethod(request.getMethod());
		SpanBuilder builder = tracer().spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER);
		HttpSpans.method(builder, request.getMethod());
		setRequestAttributes(builder, request);
		Span span = builder.startSpan();
		Throwable failure = null;
		try (Scope scope = parent.with(span).makeCurrent()) {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			if (failure == null && request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new EndOnCompletion(span, method));
			}
			else {
				end(span, method, request, response, failure);
			}
		}
	}

	private static void setRequestAttributes(SpanBuilder builder, HttpServletRequest request) {
		builder.setAttribute(UrlAttributes.URL_PATH, request.getRequestURI());
		builder.setAttribute(UrlAttributes.URL_SCHEME, request.getScheme());
		String query = request.getQueryString();
		if (query != null) {
			builder.setAttribute(UrlAttributes.URL_QUERY, query);
		}
		builder.setAttribute(ServerAttributes.SERVER_ADDRESS, request.getServerName());
		builder.setAttribute(ServerAttributes.SERVER_PORT, request.getServerPort());
		builder.setAttribute(ClientAttributes.CLIENT_ADDRESS, request.getRemoteAddr());
		String userAgent = request.getHeader("User-Agent");
		if (userAgent != null) {
			builder.setAttribute(UserAgentAttributes.USER_AGENT_ORIGINAL, userAgent);
		}
		String protocol = request.getProtocol();
		if (protocol != null && protocol.startsWith("HTTP/")) {
			builder.setAttribute(NetworkAttributes.NETWORK_PROTOCOL_VERSION, protocol.substring(5));
		}
	}

	private static void end(Span span, String method, HttpServletRequest request, HttpServletResponse response,
			Throwable failure) {
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (route != null) {
			String template = route.toString();
			span.setAttribute(HttpAttributes.HTTP_ROUTE, template);
			span.updateName(method + " " + template);
		}
		if (failure != null) {
			// The container turns an escaped exception into a 500 after this filter returns.
			HttpSpans.failure(span, failure);
			span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 500L);
		}
		else {
			HttpSpans.status(span, response.getStatus(), true);
		}
		span.end();
	}

	private Tracer tracer() {
		Tracer tracer = this.tracer;
		if (tracer == null) {
			tracer = StarterTracers.tracer(this.openTelemetry, HttpSpans.INSTRUMENTATION_SCOPE);
			this.tracer = tracer;
		}
		return tracer;
	}

	private static final class EndOnCompletion implements AsyncListener {

		private final Span span;

		private final String method;

		private Throwable failure;

		EndOnCompletion(Span span, String method) {
			this.span = span;
			this.method = method;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			end(this.span, this.method, (HttpServletRequest) event.getSuppliedRequest(),
					(HttpServletResponse) event.getSuppliedResponse(), this.failure);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			this.failure = new IllegalStateException("Asynchronous request timed out");
		}

		@Override
		public void onError(AsyncEvent event) {
			this.failure = event.getThrowable();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
			event.getAsyncContext().addListener(this);
		}

	}

	private static final class RequestHeaders implements TextMapGetter<HttpServletRequest> {

		@Override
		public Iterable<String> keys(HttpServletRequest request) {
			return Collections.list(request.getHeaderNames());
		}

		@Override
		public String get(HttpServletRequest request, String key) {
			return (request != null) ? BoundedHeaders.bound(key, request.getHeader(key)) : null;
		}

	}

}
