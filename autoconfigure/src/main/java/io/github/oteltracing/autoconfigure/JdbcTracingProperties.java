package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.jdbc.QueryTextMode;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * JDBC instrumentation: a CLIENT span per statement executed through a {@code DataSource}
 * bean.
 */
@ConfigurationProperties("tracing.jdbc")
public class JdbcTracingProperties {

	/**
	 * Whether statements executed through DataSource beans get a CLIENT span each (one
	 * per batch).
	 */
	private boolean enabled = true;

	/**
	 * What spans record as 'db.query.text': 'sanitized' (literals replaced by '?',
	 * comments removed), 'raw' (the statement as given, and SQL exception messages), or
	 * 'none'.
	 */
	private QueryTextMode queryText = QueryTextMode.SANITIZED;

	/**
	 * Whether statements executed outside any trace (connection-pool housekeeping, schema
	 * set-up at start-up, background jobs without a span) start traces of their own.
	 */
	private boolean rootSpans;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public QueryTextMode getQueryText() {
		return this.queryText;
	}

	public void setQueryText(QueryTextMode queryText) {
		this.queryText = queryText;
	}

	public boolean isRootSpans() {
		return this.rootSpans;
	}

	public void setRootSpans(boolean rootSpans) {
		this.rootSpans = rootSpans;
	}

}
