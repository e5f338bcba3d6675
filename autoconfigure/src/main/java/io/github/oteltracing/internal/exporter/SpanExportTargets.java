package io.github.oteltracing.internal.exporter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Says where spans go, for logs and the health contributor, without what must not be
 * shown: credentials in a URL and the values of its query parameters are left out, and
 * headers are never part of it.
 */
public final class SpanExportTargets {

	private SpanExportTargets() {
	}

	/**
	 * Names where the exporters the batch processor feeds send spans.
	 * @param exporters the exporters, in order
	 * @param otlpSettings the settings of the starter's OTLP exporter, or {@code null}
	 * without one
	 * @return the starter's OTLP export URL, or an exporter's simple class name, for each,
	 * separated by commas
	 */
	public static String describe(List<SpanExporter> exporters, OtlpExporterSettings otlpSettings) {
		return describe(exporters, otlpSettings, (settings) -> safeUrl(settings.exportUrl()), ", ");
	}

	/**
	 * Says how the exporters send spans, for the start-up log line.
	 * @param exporters the exporters, in order
	 * @param otlpSettings the settings of the starter's OTLP exporter, or {@code null}
	 * without one
	 * @return such as {@code OTLP http/protobuf to http://collector:4318/v1/traces (gzip)},
	 * or an exporter's simple class name, for each, or {@code no span exporter}
	 */
	public static String summarize(List<SpanExporter> exporters, OtlpExporterSettings otlpSettings) {
		if (exporters.isEmpty()) {
			return "no span exporter";
		}
		return describe(exporters, otlpSettings, (settings) -> "OTLP " + settings.protocol() + " to "
				+ safeUrl(settings.exportUrl()) + " (" + settings.compression() + ")", " and ");
	}

	private static String describe(List<SpanExporter> exporters, OtlpExporterSettings otlpSettings,
			Function<OtlpExporterSettings, String> otlp, String separator) {
		return exporters.stream()
			.map((exporter) -> (otlpSettings != null && isOtlp(exporter)) ? otlp.apply(otlpSettings)
					: exporter.getClass().getSimpleName())
			.collect(Collectors.joining(separator));
	}

	private static boolean isOtlp(SpanExporter exporter) {
		return exporter instanceof OtlpHttpSpanExporter || exporter instanceof OtlpGrpcSpanExporter;
	}

	/**
	 * Returns a URL fit to be shown: without user information, and with the value of each
	 * query parameter replaced by {@code ****}.
	 * @param url a URL
	 * @return the URL to show
	 */
	public static String safeUrl(String url) {
		if (url == null || (!url.contains("@") && !url.contains("?"))) {
			return url;
		}
		try {
			URI uri = new URI(url);
			String query = (uri.getRawQuery() != null) ? "?" + maskValues(uri.getRawQuery()) : "";
			String authority = (uri.getRawUserInfo() != null)
					? uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1) : uri.getRawAuthority();
			return uri.getScheme() + "://" + authority + ((uri.getRawPath() != null) ? uri.getRawPath() : "") + query;
		}
		catch (URISyntaxException | RuntimeException ex) {
			return "(an unreadable URL)";
		}
	}

	private static String maskValues(String query) {
		return Arrays.stream(query.split("&"))
			.map((parameter) -> (parameter.indexOf('=') >= 0) ? parameter.substring(0, parameter.indexOf('=')) + "=****"
					: parameter)
			.collect(Collectors.joining("&"));
	}

}
