package io.github.oteltracing.internal.jdbc;

import io.github.oteltracing.jdbc.QueryTextMode;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements a data source keeps read: each repeated statement read once, and the
 * cache bounded by the statements' length as well as their number.
 */
class TracedDatabaseTests {

	private final TracedDatabase database = new TracedDatabase(
			new JdbcTracer(OpenTelemetry::noop, QueryTextMode.SANITIZED, false));

	@Test
	void repeatedStatementIsReadOnce() {
		Query first = this.database.query("SELECT name FROM customer WHERE id = ?");
		assertThat(this.database.query("SELECT name FROM customer WHERE id = ?")).isSameAs(first);
		assertThat(first.spanName()).isEqualTo("SELECT customer");
	}

	@Test
	void statementLongerThanTheCacheIsReadEveryTimeAndLeavesTheOthersCached() {
		Query shortOne = this.database.query("SELECT name FROM customer WHERE id = ?");
		String huge = inList(TracedDatabase.MAX_CACHED_CHARS);
		Query first = this.database.query(huge);
		Query second = this.database.query(huge);
		assertThat(second).isNotSameAs(first);
		assertThat(second.text()).isEqualTo(first.text()).isEqualTo("SELECT name FROM customer WHERE id IN (?)");
		assertThat(this.database.query("SELECT name FROM customer WHERE id = ?")).isSameAs(shortOne);
	}

	@Test
	void statementsTogetherLongerThanTheCacheFlushIt() {
		String quarter = inList(TracedDatabase.MAX_CACHED_CHARS / 4);
		Query first = this.database.query(quarter);
		assertThat(this.database.query(quarter)).isSameAs(first);
		for (int i = 0; i < 4; i++) {
			this.database.query(i + quarter);
		}
		assertThat(this.database.query(quarter)).isNotSameAs(first);
	}

	@Test
	void manyDistinctStatementsFlushTheCache() {
		Query first = this.database.query("SELECT name FROM customer WHERE id = 0");
		for (int i = 1; i <= TracedDatabase.MAX_CACHED_QUERIES; i++) {
			this.database.query("SELECT name FROM customer WHERE id = " + i);
		}
		assertThat(this.database.query("SELECT name FROM customer WHERE id = 0")).isNotSameAs(first);
	}

	/** A statement with ids inlined, at least the given length. */
	private static String inList(int length) {
		StringBuilder sql = new StringBuilder(length + 16).append("SELECT name FROM customer WHERE id IN (");
		for (int id = 1; sql.length() < length; id++) {
			sql.append(id).append(", ");
		}
		return sql.append("0)").toString();
	}

}
