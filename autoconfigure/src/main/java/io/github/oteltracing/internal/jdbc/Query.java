package io.github.oteltracing.internal.jdbc;

import java.util.Objects;

import io.github.oteltracing.jdbc.QueryTextMode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.semconv.DbAttributes;

/**
 * One distinct statement, read once: the span name and the statement's own attributes
 * ({@code db.operation.name}, {@code db.collection.name}, {@code db.query.summary},
 * {@code db.query.text}), ready to be put on every span that executes it.
 *
 * @param text the query text as recorded, {@code null} if none
 * @param summary what the statement does
 * @param spanName the span name
 * @param attributes the attributes
 */
record Query(String text, QuerySummary summary, String spanName, Attributes attributes) {

	private static final String BATCH = "BATCH";

	/**
	 * Reads a statement.
	 * @param sql the statement as the application gave it
	 * @param mode what to record as its text
	 * @param database the database it runs on
	 * @return the statement's span name and attributes
	 */
	static Query of(String sql, QueryTextMode mode, JdbcUrl database) {
		String sanitized = SqlSanitizer.sanitize(sql, database.dialect());
		String text = switch (mode) {
			case SANITIZED -> sanitized;
			case RAW -> sql;
			case NONE -> null;
		};
		return of(text, QuerySummary.of(sanitized), database, 0);
	}

	/**
	 * A batch of statements: when they all do the same, {@code BATCH} and their
	 * operation and summary, else just {@code BATCH} (as the conventions ask).
	 * @param queries the statements, in order, one per batch entry
	 * @param size how many of {@code queries} are in the batch
	 * @param database the database
	 * @return the batch
	 */
	static Query batch(Query[] queries, int size, JdbcUrl database) {
		Query first = queries[0];
		boolean same = true;
		for (int i = 1; i < size && same; i++) {
			same = queries[i] == first || (Objects.equals(queries[i].text(), first.text())
					&& queries[i].summary().equals(first.summary()));
		}
		return batch(first, same, size, database, queries);
	}

	/**
	 * A batch of one prepared statement executed with several sets of parameters.
	 * @param query the statement
	 * @param size the number of entries
	 * @param database the database
	 * @return the batch
	 */
	static Query batch(Query query, int size, JdbcUrl database) {
		return batch(query, true, size, database, null);
	}

	private static Query batch(Query first, boolean same, int size, JdbcUrl database, Query[] all) {
		QuerySummary summary = first.summary();
		String operation = (same && summary.operation() != null) ? BATCH + " " + summary.operation() : BATCH;
		String text = first.text();
		if (!same && text != null) {
			StringBuilder joined = new StringBuilder(text);
			for (int i = 1; i < size; i++) {
				joined.append("; ").append(all[i].text());
			}
			text = joined.toString();
		}
		QuerySummary batch = new QuerySummary(operation, same ? summary.collection() : null,
				(same && summary.summary() != null) ? BATCH + " " + summary.summary() : BATCH);
		return of(text, batch, database, size);
	}

	private static Query of(String text, QuerySummary summary, JdbcUrl database, int batchSize) {
		AttributesBuilder attributes = Attributes.builder();
		putIfNotNull(attributes, DbAttributes.DB_OPERATION_NAME, summary.operation());
		putIfNotNull(attributes, DbAttributes.DB_COLLECTION_NAME, summary.collection());
		putIfNotNull(attributes, DbAttributes.DB_QUERY_SUMMARY, summary.summary());
		putIfNotNull(attributes, DbAttributes.DB_QUERY_TEXT, text);
		if (batchSize > 1) {
			attributes.put(DbAttributes.DB_OPERATION_BATCH_SIZE, batchSize);
		}
		String spanName = (summary.summary() != null) ? summary.summary() : database.system();
		return new Query(text, summary, spanName, attributes.build());
	}

	private static void putIfNotNull(AttributesBuilder attributes, AttributeKey<String> key, String value) {
		if (value != null) {
			attributes.put(key, value);
		}
	}

}
