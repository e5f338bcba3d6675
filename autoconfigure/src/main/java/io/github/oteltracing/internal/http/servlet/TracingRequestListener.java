package io.github.oteltracing.internal.http.servlet;

import io.opentelemetry.context.Scope;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

/**
 * Keeps a failed request's context current until the container is done with the request:
 * the servlet container logs an exception that escaped the filters (Tomcat's
 * "Servlet.service() ... threw exception") after {@link TracingServletFilter} returned,
 * and that line should carry the request's trace id. The container calls this listener
 * on the request's thread when a request that was not async ends, after its error page;
 * only such requests keep their context, and only when this listener saw them start, so
 * nothing is left on a thread after its request.
 */
public final class TracingRequestListener implements ServletRequestListener {

	private static final String ATTRIBUTE = TracingRequestListener.class.getName() + ".scope";

	/** Marks a request whose end this listener will see. */
	private static final Object LISTENING = new Object();

	@Override
	public void requestInitialized(ServletRequestEvent event) {
		event.getServletRequest().setAttribute(ATTRIBUTE, LISTENING);
	}

	@Override
	public void requestDestroyed(ServletRequestEvent event) {
		ServletRequest request = event.getServletRequest();
		if (request.getAttribute(ATTRIBUTE) instanceof KeptScope kept) {
			request.removeAttribute(ATTRIBUTE);
			kept.close();
		}
	}

	/**
	 * Hands the scope over to be closed when the request ends.
	 * @param request the request, not async
	 * @param scope the scope of the request's context, opened on this thread
	 * @return {@code false} if this listener does not see the request end: close the
	 * scope now
	 */
	static boolean keepUntilRequestEnds(ServletRequest request, Scope scope) {
		if (request.getAttribute(ATTRIBUTE) != LISTENING) {
			return false;
		}
		request.setAttribute(ATTRIBUTE, new KeptScope(scope, Thread.currentThread()));
		return true;
	}

	private record KeptScope(Scope scope, Thread thread) {

		void close() {
			// A scope restores the thread it was opened on; closing it elsewhere would corrupt that one.
			if (this.thread == Thread.currentThread()) {
				this.scope.close();
			}
		}

	}

}
