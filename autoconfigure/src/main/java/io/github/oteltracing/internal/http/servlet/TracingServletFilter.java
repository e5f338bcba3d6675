package io.github.oteltracing.internal.http.servlet;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import io.github.oteltracing.internal.http.BoundedHeaders;
import io.github.oteltracing.internal.http.ForwardedClient;
import io.github.oteltracing.internal.http.HttpSpans;
import io.github.oteltracing.internal.http.ServerSpans;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.semconv.UrlAttributes;
import io.opentelemetry.semconv.UserAgentAttributes;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Opens one {@code SERVER} span per Spring MVC request, continuing the caller's trace.
 * The span is named {@code METHOD /route/{template}} once the handler is known, so ids in
 * paths never end up in span names. The error dispatch of a traced request (Spring Boot's
 * {@code /error}) runs in the request's context, and so does the container's error log
 * line for an escaped exception, with {@link TracingRequestListener} registered.
 */
public final class TracingServletFilter extends OncePerRequestFilter {

	private static final TextMapGetter<HttpServletRequest> HEADERS = new RequestHeaders();

	/** The request's context, for its error dispatch. */
	private static final String CONTEXT_ATTRIBUTE = TracingServletFilter.class.getName() + ".context";

	private final ServerSpans spans;

	private volatile String alreadyFilteredAttributeName;

	/**
	 * Creates the filter.
	 * @param spans what starts and ends the server spans
	 */
	public TracingServletFilter(ServerSpans spans) {
		this.spans = spans;
	}

	// Spring builds it from the filter's name on every request; the name is set once.
	@Override
	protected String getAlreadyFilteredAttributeName() {
		String name = this.alreadyFilteredAttributeName;
		if (name == null) {
			name = super.getAlreadyFilteredAttributeName();
			this.alreadyFilteredAttributeName = name;
		}
		return name;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			return request.getAttribute(CONTEXT_ATTRIBUTE) == null;
		}
		return this.spans.isExcluded(request.getRequestURI(), request.getContextPath().length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getDispatcherType() == DispatcherType.ERROR) {
			doFilterErrorDispatch(request, response, chain, (Context) request.getAttribute(CONTEXT_ATTRIBUTE));
			return;
		}
		Context parent = this.spans.propagator().extract(Context.root(), request, HEADERS);
		SpanBuilder builder = this.spans.spanBuilder(parent, request.getMethod());
		setRequestAttributes(builder, request);
		Span span = builder.startSpan();
		Context context = parent.with(span);
		request.setAttribute(CONTEXT_ATTRIBUTE, context);
		setTraceResponse(response, span);
		String method = HttpSpans.spanNameMethod(request.getMethod());
		Scope scope = context.makeCurrent();
		Throwable failure = null;
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			boolean async = request.isAsyncStarted();
			try {
				if (failure == null && async) {
					request.getAsyncContext().addListener(new EndOnCompletion(this.spans, span, method));
				}
				else {
					end(this.spans, span, method, request, response, failure);
				}
			}
			finally {
				// The container logs an escaped exception after this filter returned: keep the
				// context for that line until the request ends on this thread.
				if (failure == null || async || !TracingRequestListener.keepUntilRequestEnds(request, scope)) {
					scope.close();
				}
			}
		}
	}

	private void doFilterErrorDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			Context context) throws ServletException, IOException {
		if (!response.isCommitted()) {
			setTraceResponse(response, Span.fromContext(context));
		}
		try (Scope scope = context.makeCurrent()) {
			chain.doFilter(request, response);
		}
	}

	private void setTraceResponse(HttpServletResponse response, Span span) {
		String traceResponse = this.spans.traceResponse(span);
		if (traceResponse != null) {
			response.setHeader(ServerSpans.TRACE_RESPONSE_HEADER, traceResponse);
		}
	}

	private static void setRequestAttributes(SpanBuilder builder, HttpServletRequest request) {
		builder.setAttribute(UrlAttributes.URL_PATH, request.getRequestURI());
		builder.setAttribute(UrlAttributes.URL_SCHEME, request.getScheme());
		String query = request.getQueryString();
		if (query != null) {
			builder.setAttribute(UrlAttributes.URL_QUERY, query);
		}
		ServerSpans.server(builder, request.getScheme(), request.getServerName(), request.getServerPort());
		ServerSpans.client(builder, request.getHeader(ForwardedClient.FORWARDED),
				request.getHeader(ForwardedClient.X_FORWARDED_FOR), request.getRemoteAddr(), request.getRemotePort());
		String userAgent = request.getHeader("User-Agent");
		if (userAgent != null) {
			builder.setAttribute(UserAgentAttributes.USER_AGENT_ORIGINAL, userAgent);
		}
		ServerSpans.protocol(builder, request.getProtocol());
	}

	private static void end(ServerSpans spans, Span span, String method, HttpServletRequest request, HttpServletResponse response,
			Throwable failure) {
		Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (failure != null) {
			// The container answers an escaped exception with a 500 after this filter returns.
			int status = response.isCommitted() ? response.getStatus() : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
			spans.end(span, method, route, status, unwrap(failure));
			return;
		}
		int status = response.getStatus();
		spans.end(span, method, route, status, (status >= 500) ? handledFailure(request) : null);
	}

	/** The application's exception, not the servlet's wrapper ("Request processing failed"). */
	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while (current instanceof ServletException && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/** An exception that Spring MVC resolved to this error response, if any. */
	private static Throwable handledFailure(HttpServletRequest request) {
		Object handled = request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
		if (handled == null) {
			handled = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		}
		return (handled instanceof Throwable throwable) ? unwrap(throwable) : null;
	}

	/**
	 * Ends the span of an async request when it completes, with the status the client got
	 * (Spring MVC answers a timeout with 503 itself).
	 */
	private static final class EndOnCompletion implements AsyncListener {

		private final ServerSpans spans;

		private final Span span;

		private final String method;

		private Throwable failure;

		EndOnCompletion(ServerSpans spans, Span span, String method) {
			this.spans = spans;
			this.span = span;
			this.method = method;
		}

		@Override
		public void onComplete(AsyncEvent event) {
			end(this.spans, this.span, this.method, (HttpServletRequest) event.getSuppliedRequest(),
					(HttpServletResponse) event.getSuppliedResponse(), this.failure);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
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
			if (request == null) {
				return null;
			}
			Enumeration<String> fields = request.getHeaders(key);
			return (fields != null) ? BoundedHeaders.combine(key, fields.asIterator()) : null;
		}

	}

}
