package io.github.oteltracing.internal.exporter;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs failing exports at most once a minute, with the cause, the destination and what was
 * lost since the previous message, and once when exports work again. A collector that is
 * away for an hour costs sixty lines, not one per batch.
 */
final class ExportFailureLog {

	static final Duration INTERVAL = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(SpanExportMonitor.class);

	private static final int MAX_CAUSE_LENGTH = 300;

	private final String target;

	private final Clock clock;

	private long nextReportMillis = Long.MIN_VALUE;

	private long failuresReported;

	private long droppedReported;

	// Read on every successful export, so that the usual path takes no lock.
	private volatile boolean failureReported;

	ExportFailureLog(String target, Clock clock) {
		this.target = target;
		this.clock = clock;
	}

	/**
	 * Called after a failed export.
	 * @param cause why it failed, or {@code null}
	 * @param failures failed exports so far
	 * @param dropped the number of spans dropped so far, asked for only when a message is due
	 */
	void failed(Throwable cause, long failures, LongSupplier dropped) {
		if (!logger.isWarnEnabled()) {
			return;
		}
		synchronized (this) {
			long now = this.clock.millis();
			if (now < this.nextReportMillis) {
				return;
			}
			this.nextReportMillis = now + INTERVAL.toMillis();
			long droppedNow = dropped.getAsLong();
			String since = this.failureReported || this.failuresReported > 0 ? "since the last report" : "so far";
			logger.warn("Spans could not be exported to " + this.target + ": " + describe(cause) + ". "
					+ (failures - this.failuresReported) + " export(s) failed and "
					+ (droppedNow - this.droppedReported) + " span(s) were dropped " + since
					+ "; the application is not affected. Reported at most once a minute.");
			this.failuresReported = failures;
			this.droppedReported = droppedNow;
			this.failureReported = true;
		}
	}

	/**
	 * Called after a successful export.
	 * @param failures failed exports so far
	 */
	void succeeded(long failures) {
		if (!this.failureReported) {
			return;
		}
		synchronized (this) {
			if (this.failureReported) {
				this.failureReported = false;
				long unreported = failures - this.failuresReported;
				logger.info("Spans are exported to " + this.target + " again"
						+ ((unreported > 0) ? "; " + unreported + " more export(s) failed after the last report" : ""));
			}
		}
	}

	/**
	 * Describes why an export failed, in one line.
	 * @param failure the exporter's exception, or {@code null}
	 * @return the description
	 */
	static String describe(Throwable failure) {
		if (failure == null) {
			return "the exporter reported a failure";
		}
		SSLException tls = cause(failure, SSLException.class);
		if (tls != null) {
			return shorten(describeTls(tls));
		}
		String description;
		String message = failure.getMessage();
		if (message != null && !message.isBlank()) {
			// The OTLP exporters wrap the I/O error, whose class name tells most.
			description = (failure.getCause() != null && message.equals(failure.getCause().toString())) ? message
					: failure.getClass().getSimpleName() + ": " + message;
		}
		else if (failure.getCause() != null) {
			return describe(failure.getCause());
		}
		else if (failure.getClass().getSimpleName().endsWith("ExportException")) {
			// How the OTLP exporters report an error status: the code is only in their own log,
			// which the starter switches off by default.
			description = "the collector answered with an error status (logging.level.io.opentelemetry.exporter=warn"
					+ " shows it)";
		}
		else {
			description = failure.getClass().getName();
		}
		return shorten(description);
	}

	// Wrapped differently by each sender (CompletionException, UncheckedIOException, none): the
	// handshake's own exception says what went wrong.
	private static String describeTls(SSLException tls) {
		String problem = "TLS connection to the collector failed";
		if (cause(tls, CertificateException.class) != null || cause(tls, CertPathBuilderException.class) != null
				|| cause(tls, CertPathValidatorException.class) != null
				|| String.valueOf(tls.getMessage()).contains("PKIX")) {
			problem = "TLS handshake failed: the collector's certificate is not trusted (it must be signed by a CA"
					+ " in tracing.exporter.otlp.trusted-certificates, or by one the JVM trusts)";
		}
		return problem + " - " + tls.getClass().getSimpleName() + ": " + tls.getMessage();
	}

	private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	private static String shorten(String description) {
		String line = description.replaceAll("\\s+", " ").strip();
		return (line.length() > MAX_CAUSE_LENGTH) ? line.substring(0, MAX_CAUSE_LENGTH) + "..." : line;
	}

}
