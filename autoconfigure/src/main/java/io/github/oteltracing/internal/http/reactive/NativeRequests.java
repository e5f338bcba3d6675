package io.github.oteltracing.internal.http.reactive;

import jakarta.servlet.http.HttpServletRequest;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;

/**
 * What only the server's own request knows, such as the protocol version: WebFlux's
 * {@link ServerHttpRequest} does not expose it. Each server's type is touched only when
 * its library is present.
 */
final class NativeRequests {

	private static final boolean NETTY = isPresent("reactor.netty.http.server.HttpServerRequest");

	private static final boolean SERVLET = isPresent("jakarta.servlet.http.HttpServletRequest");

	private NativeRequests() {
	}

	/**
	 * The request's protocol, such as {@code HTTP/1.1}.
	 * @param request the request
	 * @return the protocol, or {@code null} if the server does not tell
	 */
	static String protocol(ServerHttpRequest request) {
		Object nativeRequest;
		try {
			nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (RuntimeException ex) {
			// No server underneath, such as WebTestClient's mock request.
			return null;
		}
		String protocol = NETTY ? Netty.protocol(nativeRequest) : null;
		return (protocol == null && SERVLET) ? Servlet.protocol(nativeRequest) : protocol;
	}

	private static boolean isPresent(String className) {
		return ClassUtils.isPresent(className, NativeRequests.class.getClassLoader());
	}

	private static final class Netty {

		static String protocol(Object nativeRequest) {
			return (nativeRequest instanceof HttpServerRequest nettyRequest) ? nettyRequest.version().text() : null;
		}

	}

	private static final class Servlet {

		static String protocol(Object nativeRequest) {
			return (nativeRequest instanceof HttpServletRequest servletRequest) ? servletRequest.getProtocol() : null;
		}

	}

}
