package io.github.oteltracing.redaction;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link SpanExporter} that redacts spans before handing them to another. Redaction
 * happens here, at export, because only here is every attribute known, whoever set it
 * and whenever; the batch processor runs it off the application's threads.
 */
public final class RedactingSpanExporter implements SpanExporter {

	private static final Log logger = LogFactory.getLog(RedactingSpanExporter.class);

	private final SpanExporter delegate;

	private final SpanRedactor redactor;

	private final AtomicBoolean failureLogged = new AtomicBoolean();

	private RedactingSpanExporter(SpanExporter delegate, SpanRedactor redactor) {
		this.delegate = delegate;
		this.redactor = redactor;
	}

	/**
	 * Wraps an exporter so that it only receives redacted spans.
	 * @param delegate the exporter that sends spans on
	 * @param redactor the redactor, or {@code null} for none
	 * @return the wrapping exporter, or {@code delegate} itself when there is no
	 * redactor or it is already wrapped
	 */
	public static SpanExporter wrap(SpanExporter delegate, SpanRedactor redactor) {
		if (redactor == null || delegate instanceof RedactingSpanExporter) {
			return delegate;
		}
		return new RedactingSpanExporter(delegate, redactor);
	}

	/**
	 * Returns the exporter that receives the redacted spans.
	 * @return the delegate
	 */
	public SpanExporter getDelegate() {
		return this.delegate;
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		Collection<SpanData> redacted;
		try {
			redacted = this.redactor.redact(spans);
		}
		catch (RuntimeException ex) {
			// Fail closed: a batch that cannot be redacted is not exported at all.
			if (this.failureLogged.compareAndSet(false, true)) {
				logger.warn("Spans dropped because they could not be redacted", ex);
			}
			return CompletableResultCode.ofFailure();
		}
		return this.delegate.export(redacted);
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public String toString() {
		return "RedactingSpanExporter{" + this.delegate + "}";
	}

}
