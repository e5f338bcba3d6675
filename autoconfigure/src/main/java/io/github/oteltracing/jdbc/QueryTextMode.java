package io.github.oteltracing.jdbc;

/**
 * What a database span records as {@code db.query.text}.
 */
public enum QueryTextMode {

	/**
	 * The statement with its literals (strings, numbers) replaced by {@code ?} and its
	 * comments removed: an inlined card number or e-mail address never leaves the
	 * process. Parameters of prepared statements are never recorded.
	 */
	SANITIZED,

	/**
	 * The statement as the application gave it, literals included. Also records the
	 * messages of SQL exceptions, which often quote the statement.
	 */
	RAW,

	/**
	 * No query text; operation, collection and summary are still recorded.
	 */
	NONE

}
