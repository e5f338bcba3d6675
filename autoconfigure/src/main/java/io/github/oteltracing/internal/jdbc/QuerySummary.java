package io.github.oteltracing.internal.jdbc;

import java.util.Locale;
import java.util.Set;

/**
 * What a statement does, read from its sanitized text: the first operation
 * ({@code db.operation.name}), the one collection it works on if there is exactly one
 * ({@code db.collection.name}), and each operation followed by its targets
 * ({@code db.query.summary}, such as {@code SELECT orders order_lines} or
 * {@code INSERT shipping SELECT orders}). One pass over the text, no regular
 * expressions.
 *
 * @param operation the first operation, {@code null} if none was recognised
 * @param collection the collection, {@code null} unless exactly one
 * @param summary the summary, {@code null} if no operation was recognised
 */
record QuerySummary(String operation, String collection, String summary) {

	static final QuerySummary NONE = new QuerySummary(null, null, null);

	// Long enough for a join of several tables, short enough for a span name.
	private static final int MAX_SUMMARY_LENGTH = 255;

	private static final int MAX_FIRST_WORD_LENGTH = 20;

	private static final Set<String> TABLE_OPERATIONS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE",
			"REPLACE", "UPSERT");

	private static final Set<String> PROCEDURE_OPERATIONS = Set.of("CALL", "EXEC", "EXECUTE");

	private static final Set<String> SCHEMA_OPERATIONS = Set.of("CREATE", "DROP", "ALTER", "TRUNCATE");

	// Words after which the next name is not a table (aliases, columns, conditions).
	private static final Set<String> CLAUSES = Set.of("WHERE", "ON", "SET", "VALUES", "VALUE", "GROUP", "ORDER",
			"HAVING", "LIMIT", "OFFSET", "FETCH", "AS", "UNION", "INTERSECT", "EXCEPT", "MINUS", "WHEN", "THEN",
			"RETURNING", "LEFT", "RIGHT", "INNER", "OUTER", "FULL", "CROSS", "NATURAL", "WITH", "FOR", "LATERAL");

	// Words between a schema operation and its target.
	private static final Set<String> SCHEMA_NOISE = Set.of("IF", "NOT", "EXISTS", "OR", "REPLACE", "UNIQUE", "GLOBAL",
			"LOCAL", "TEMPORARY", "TEMP", "CACHED", "MEMORY");

	/**
	 * Reads the summary of a sanitized statement.
	 * @param sql the statement, without literals or comments
	 * @return the summary, {@link #NONE} if the statement is not recognised
	 */
	static QuerySummary of(String sql) {
		Scanner scanner = new Scanner(sql);
		scanner.scan();
		return scanner.result();
	}

	private static final class Scanner {

		private final String sql;

		private final StringBuilder summary = new StringBuilder();

		private String operation;

		private String collection;

		private int collections;

		private boolean expectTarget;

		private boolean inFromList;

		// After CREATE, DROP, ...: the object type (TABLE, INDEX, ...) comes next.
		private boolean schemaOperation;

		// The schema operation is the statement's first, so its object type joins its name.
		private boolean schemaFirst;

		// Between the object type and its name: IF NOT EXISTS and the like are skipped.
		private boolean schemaTarget;

		private int position;

		Scanner(String sql) {
			this.sql = sql;
		}

		void scan() {
			String word;
			while ((word = nextToken()) != null) {
				if (word.isEmpty()) {
					continue;
				}
				char first = word.charAt(0);
				if (first == ',') {
					this.expectTarget = this.inFromList;
				}
				else if (first == '(') {
					this.expectTarget = false;
					this.inFromList = false;
				}
				else if (first == '"' || first == '`' || first == '[' || SqlSanitizer.isIdentifierPart(first)) {
					word(word);
				}
				else if (first == ';') {
					this.expectTarget = false;
					this.inFromList = false;
				}
			}
		}

		private void word(String token) {
			if (token.charAt(0) == '"' || token.charAt(0) == '`' || token.charAt(0) == '[') {
				name(token);
				return;
			}
			String word = token.toUpperCase(Locale.ROOT);
			if ((this.schemaOperation || this.schemaTarget) && SCHEMA_NOISE.contains(word)) {
				return;
			}
			if (this.schemaOperation) {
				this.schemaOperation = false;
				append(word);
				if (this.schemaFirst) {
					this.operation = this.operation + " " + word;
				}
				this.expectTarget = true;
				this.schemaTarget = true;
				return;
			}
			if (TABLE_OPERATIONS.contains(word) || PROCEDURE_OPERATIONS.contains(word)) {
				operation(word);
				// SELECT's tables come after FROM; the others name theirs next (INTO, FROM skipped).
				this.expectTarget = !"SELECT".equals(word);
				this.inFromList = false;
			}
			else if (SCHEMA_OPERATIONS.contains(word)) {
				this.schemaFirst = this.operation == null;
				operation(word);
				this.schemaOperation = true;
			}
			else if (this.operation == null && !"WITH".equals(word)) {
				firstWord(word);
			}
			else if ("FROM".equals(word) || "JOIN".equals(word)) {
				this.expectTarget = true;
				this.inFromList = "FROM".equals(word) || this.inFromList;
			}
			else if ("INTO".equals(word) || "TABLE".equals(word) || "ONLY".equals(word)) {
				// INSERT INTO t, MERGE INTO t, TRUNCATE TABLE t, FROM ONLY t: the target follows.
			}
			else if ("USING".equals(word)) {
				this.expectTarget = "MERGE".equals(this.operation);
			}
			else if (CLAUSES.contains(word)) {
				this.expectTarget = false;
				if (!"AS".equals(word)) {
					this.inFromList = false;
				}
			}
			else {
				name(token);
			}
		}

		private void operation(String word) {
			if (this.operation == null) {
				this.operation = word;
			}
			append(word);
		}

		// A statement that is none of the known ones is summarised by its first word (SET, SHOW, ...).
		private void firstWord(String word) {
			if (this.summary.length() == 0 && word.length() <= MAX_FIRST_WORD_LENGTH && isLetters(word)) {
				this.operation = word;
				append(word);
			}
			this.position = this.sql.length();
		}

		private void name(String token) {
			if (!this.expectTarget) {
				return;
			}
			this.expectTarget = false;
			this.schemaTarget = false;
			String name = unquote(token);
			append(name);
			if (this.collections == 0) {
				this.collection = name;
				this.collections = 1;
			}
			else if (!name.equals(this.collection)) {
				this.collections++;
			}
		}

		private void append(String part) {
			int length = this.summary.length();
			if (length + part.length() + 1 > MAX_SUMMARY_LENGTH) {
				return;
			}
			if (length > 0) {
				this.summary.append(' ');
			}
			this.summary.append(part);
		}

		QuerySummary result() {
			if (this.operation == null) {
				return NONE;
			}
			boolean procedure = PROCEDURE_OPERATIONS.contains(this.operation);
			boolean singleOperation = this.summary.indexOf(" ") < 0
					|| this.summary.toString().equals(this.operation + " " + this.collection);
			String collection = (this.collections == 1 && !procedure && singleOperation) ? this.collection : null;
			return new QuerySummary(this.operation, collection, this.summary.toString());
		}

		/**
		 * The next token: a word (letters, digits, dots between the parts of a qualified
		 * name, quoted parts), or one character of punctuation; {@code ""} for
		 * whitespace; {@code null} at the end.
		 */
		private String nextToken() {
			int length = this.sql.length();
			if (this.position >= length) {
				return null;
			}
			int start = this.position;
			char c = this.sql.charAt(start);
			if (SqlSanitizer.isIdentifierPart(c) || c == '"' || c == '`' || c == '[') {
				int i = start;
				while (i < length) {
					char next = this.sql.charAt(i);
					if (next == '"' || next == '`' || next == '[') {
						char close = (next == '[') ? ']' : next;
						int end = this.sql.indexOf(close, i + 1);
						i = (end < 0) ? length : end + 1;
					}
					else if (SqlSanitizer.isIdentifierPart(next) || next == '.') {
						i++;
					}
					else {
						break;
					}
				}
				this.position = i;
				return this.sql.substring(start, i);
			}
			this.position++;
			return Character.isWhitespace(c) ? "" : String.valueOf(c);
		}

		private static String unquote(String name) {
			if (name.indexOf('"') < 0 && name.indexOf('`') < 0 && name.indexOf('[') < 0) {
				return name;
			}
			StringBuilder unquoted = new StringBuilder(name.length());
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				if (c != '"' && c != '`' && c != '[' && c != ']') {
					unquoted.append(c);
				}
			}
			return unquoted.toString();
		}

		private static boolean isLetters(String word) {
			for (int i = 0; i < word.length(); i++) {
				if (!Character.isLetter(word.charAt(i))) {
					return false;
				}
			}
			return true;
		}

	}

}
