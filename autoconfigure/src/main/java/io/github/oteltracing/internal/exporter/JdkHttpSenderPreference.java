package io.github.oteltracing.internal.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.util.ClassUtils;

/**
 * Makes the OTLP http/protobuf exporter send with the JDK's {@code HttpClient} whenever
 * OpenTelemetry's JDK sender is present. The exporter finds its sender through the
 * {@link java.util.ServiceLoader}; with a second HTTP sender on the class path (OkHttp's,
 * which also brings a gRPC sender, or one that another library pulls in) it would take
 * whichever a hash map returns first and log a warning on every build. The class loader
 * given to the exporter shows it only the service files that name the JDK sender; every
 * other lookup goes to the exporter's own class loader.
 */
final class JdkHttpSenderPreference {

	static final String JDK_HTTP_SENDER_PROVIDER = "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSenderProvider";

	// The SPI moved from the exporters' internal package to the SDK's between 1.55 and 1.62.
	private static final List<String> HTTP_SENDER_SERVICE_FILES = List.of(
			"META-INF/services/io.opentelemetry.exporter.internal.http.HttpSenderProvider",
			"META-INF/services/io.opentelemetry.sdk.common.export.HttpSenderProvider");

	private JdkHttpSenderPreference() {
	}

	/**
	 * Returns the class loader for the exporter builder's {@code setServiceClassLoader}, or
	 * {@code null} to leave the builder's default when the JDK sender is absent.
	 * @param exporterClassLoader the class loader of the OTLP exporter
	 * @return the class loader that prefers the JDK sender, or {@code null}
	 */
	static ClassLoader serviceClassLoader(ClassLoader exporterClassLoader) {
		if (!ClassUtils.isPresent(JDK_HTTP_SENDER_PROVIDER, exporterClassLoader)) {
			return null;
		}
		return new JdkSenderOnlyClassLoader(exporterClassLoader);
	}

	private static final class JdkSenderOnlyClassLoader extends ClassLoader {

		static {
			registerAsParallelCapable();
		}

		JdkSenderOnlyClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			Enumeration<URL> resources = super.getResources(name);
			if (!HTTP_SENDER_SERVICE_FILES.contains(name)) {
				return resources;
			}
			List<URL> jdk = new ArrayList<>(1);
			for (URL url : Collections.list(resources)) {
				if (namesJdkSender(url)) {
					jdk.add(url);
				}
			}
			return Collections.enumeration(jdk);
		}

		private static boolean namesJdkSender(URL serviceFile) throws IOException {
			try (InputStream content = serviceFile.openStream()) {
				return new String(content.readAllBytes(), StandardCharsets.UTF_8).contains(JDK_HTTP_SENDER_PROVIDER);
			}
		}

	}

}
