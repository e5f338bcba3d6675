package io.github.oteltracing.internal.jdbc;

/**
 * Replaces the literals of a SQL statement with {@code ?}: strings (with doubled-quote
 * escapes, backslash escapes where the database has them, {@code N'..'}, {@code E'..'},
 * {@code X'..'} prefixes, PostgreSQL dollar quotes, Oracle's {@code q'[..]'}), numbers
 * (decimal, exponent, {@code 0x} hexadecimal, SQL Server's {@code $12.50}) and, where the
 * database reads them so, double-quoted strings. Comments are dropped (nested ones whole,
 * H2's {@code //} ones, and {@code #} ones on MySQL and MariaDB), runs of whitespace become
 * one space, and a list of only placeholders after {@code IN} becomes {@code (?)}.
 * Identifiers, including digits inside them and quoted ones ({@code [..]} on SQL Server),
 * are kept.
 *
 * <p>Where a literal or a quoted identifier is not closed, the rest of the statement goes
 * with it, and so it does where a backslash in a literal could either end it or not and
 * the database's reading is not known: the sanitizer errs towards removing too much, never
 * too little.
 */
final class SqlSanitizer {

	private SqlSanitizer() {
	}

	/**
	 * How a database reads what the sanitizer must know of its dialect.
	 */
	enum Dialect {

		/**
		 * MySQL and MariaDB: {@code "..."} is a string, {@code #} starts a comment, and a
		 * backslash in a literal escapes the next character unless the server's
		 * {@code NO_BACKSLASH_ESCAPES} mode is on.
		 */
		MYSQL(true, false, Backslash.EITHER),

		/**
		 * SQL Server: the standard's reading, and {@code [..]} quotes an identifier.
		 */
		SQL_SERVER(false, true, Backslash.LITERAL),

		/**
		 * The SQL standard's reading, as H2, PostgreSQL (with its default
		 * {@code standard_conforming_strings}), Oracle, Db2 and others have it: a
		 * backslash in a literal is a character like any other, so {@code '\'} is a whole
		 * literal.
		 */
		STANDARD(false, false, Backslash.LITERAL),

		/** A database not known here: a backslash may escape or not. */
		UNKNOWN(false, false, Backslash.EITHER);

		private final boolean mysql;

		private final boolean bracketedIdentifiers;

		private final Backslash backslash;

		Dialect(boolean mysql, boolean bracketedIdentifiers, Backslash backslash) {
			this.mysql = mysql;
			this.bracketedIdentifiers = bracketedIdentifiers;
			this.backslash = backslash;
		}

	}

	private enum Backslash {

		ESCAPES, LITERAL,

		// Either reading is possible: where they end a literal in different places, one
		// of them would show text that the database reads as a literal.
		EITHER

	}

	/**
	 * Sanitizes a statement.
	 * @param sql the statement as the application gave it
	 * @param dialect how the database reads it; an {@code E'..'} literal always has
	 * backslash escapes, and Oracle's {@code q'[..]'} literals are read in every dialect
	 * @return the statement without literals
	 */
	static String sanitize(String sql, Dialect dialect) {
		int length = sql.length();
		StringBuilder out = new StringBuilder(length);
		boolean placeholders = false;
		int i = 0;
		while (i < length) {
			char c = sql.charAt(i);
			if (isLineComment(sql, i, dialect)) {
				i = lineEnd(sql, i);
				space(out);
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				i = blockCommentEnd(sql, i);
				space(out);
			}
			else if (c == '\'' || (c == '"' && dialect.mysql)) {
				boolean escapeString = dropPrefix(out) == 'E';
				i = literalEnd(sql, i, c, escapeString ? Backslash.ESCAPES : dialect.backslash);
				out.append('?');
				placeholders = true;
			}
			else if (c == '"' || c == '`' || (c == '[' && dialect.bracketedIdentifiers)) {
				// A quoted identifier is kept; one that is never closed is not one.
				int end = closedQuoteEnd(sql, i, (c == '[') ? ']' : c, false);
				if (end < 0) {
					out.append('?');
					placeholders = true;
					i = length;
				}
				else {
					out.append(sql, i, end);
					i = end;
				}
			}
			else if (c == '$') {
				i = dollar(sql, i, out);
				placeholders = true;
			}
			else if (isDigit(c) || (c == '.' && i + 1 < length && isDigit(sql.charAt(i + 1)))) {
				i = numberEnd(sql, i);
				out.append('?');
				placeholders = true;
			}
			else if (isIdentifierPart(c)) {
				int start = i;
				while (i < length && isIdentifierPart(sql.charAt(i)) && !(dialect.mysql && sql.charAt(i) == '#')) {
					i++;
				}
				if (i < length && sql.charAt(i) == '\'' && isAlternativeQuotePrefix(sql, start, i)) {
					i = alternativeQuoteEnd(sql, i);
					out.append('?');
					placeholders = true;
				}
				else {
					out.append(sql, start, i);
				}
			}
			else if (Character.isWhitespace(c)) {
				space(out);
				i++;
			}
			else {
				out.append(c);
				placeholders |= (c == '?');
				i++;
			}
		}
		int end = out.length();
		if (end > 0 && out.charAt(end - 1) == ' ') {
			out.setLength(end - 1);
		}
		return placeholders ? collapseInLists(out) : out.toString();
	}

	private static void space(StringBuilder out) {
		int length = out.length();
		if (length > 0 && out.charAt(length - 1) != ' ') {
			out.append(' ');
		}
	}

	// -- (on MySQL only with a space or control character after it, as there 1--1 is
	// arithmetic), H2's //, which no other database reads as anything but a comment, and
	// MySQL's #.
	private static boolean isLineComment(String sql, int i, Dialect dialect) {
		char c = sql.charAt(i);
		if (c == '#') {
			return dialect.mysql;
		}
		if (i + 1 >= sql.length()) {
			return false;
		}
		char next = sql.charAt(i + 1);
		if (c == '/' && next == '/') {
			return true;
		}
		if (c != '-' || next != '-') {
			return false;
		}
		return !dialect.mysql || i + 2 >= sql.length() || sql.charAt(i + 2) <= ' ';
	}

	// PostgreSQL, H2 and SQL Server nest block comments; read so everywhere, a comment
	// only ever takes more text with it.
	private static int blockCommentEnd(String sql, int start) {
		int depth = 1;
		int i = start + 2;
		while (i + 1 < sql.length()) {
			if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
				depth++;
				i += 2;
			}
			else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
				i += 2;
				if (--depth == 0) {
					return i;
				}
			}
			else {
				i++;
			}
		}
		return sql.length();
	}

	private static int lineEnd(String sql, int from) {
		int end = from;
		while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
			end++;
		}
		return end;
	}

	// N'..', E'..', X'..', B'..': the prefix letter belongs to the literal. Returns the
	// prefix dropped, upper case, or 0.
	private static char dropPrefix(StringBuilder out) {
		int length = out.length();
		if (length == 0) {
			return 0;
		}
		char prefix = Character.toUpperCase(out.charAt(length - 1));
		if ((prefix == 'N' || prefix == 'E' || prefix == 'X' || prefix == 'B')
				&& (length == 1 || !isIdentifierPart(out.charAt(length - 2)))) {
			out.setLength(length - 1);
			return prefix;
		}
		return 0;
	}

	// The rest of the statement goes where the two readings of a backslash end the literal
	// in different places.
	private static int literalEnd(String sql, int start, char quote, Backslash backslash) {
		int end = quotedEnd(sql, start, quote, backslash != Backslash.LITERAL);
		if (backslash == Backslash.EITHER && end != quotedEnd(sql, start, quote, false)) {
			return sql.length();
		}
		return end;
	}

	private static int quotedEnd(String sql, int start, char quote, boolean backslashEscapes) {
		int end = closedQuoteEnd(sql, start, quote, backslashEscapes);
		return (end < 0) ? sql.length() : end;
	}

	// The index after the closing quote, or -1 if there is none; a doubled closing quote
	// stands for itself.
	private static int closedQuoteEnd(String sql, int start, char quote, boolean backslashEscapes) {
		int i = start + 1;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (c == '\\' && backslashEscapes) {
				i += 2;
			}
			else if (c == quote) {
				if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
					i += 2;
				}
				else {
					return i + 1;
				}
			}
			else {
				i++;
			}
		}
		return -1;
	}

	// Oracle's q'[..]', q'{..}', q'(..)', q'<..>' and q'!..!' (any character), also nq'..':
	// the quote inside does not end them.
	private static boolean isAlternativeQuotePrefix(String sql, int start, int end) {
		char last = sql.charAt(end - 1);
		if (last != 'q' && last != 'Q') {
			return false;
		}
		return end - start == 1 || (end - start == 2 && (sql.charAt(start) == 'n' || sql.charAt(start) == 'N'));
	}

	private static int alternativeQuoteEnd(String sql, int quote) {
		if (quote + 1 >= sql.length()) {
			return sql.length();
		}
		char open = sql.charAt(quote + 1);
		char close = switch (open) {
			case '[' -> ']';
			case '{' -> '}';
			case '(' -> ')';
			case '<' -> '>';
			default -> open;
		};
		int from = quote + 2;
		while (true) {
			int end = sql.indexOf(close, from);
			if (end < 0 || end + 1 >= sql.length()) {
				return sql.length();
			}
			if (sql.charAt(end + 1) == '\'') {
				return end + 2;
			}
			from = end + 1;
		}
	}

	// $1 (PostgreSQL's placeholder, or SQL Server's money literal $1234.56) becomes ?;
	// $$...$$ and $tag$...$tag$ are PostgreSQL string literals.
	private static int dollar(String sql, int start, StringBuilder out) {
		int i = start + 1;
		if (i < sql.length() && isDigit(sql.charAt(i))) {
			out.append('?');
			return numberEnd(sql, i);
		}
		while (i < sql.length() && isIdentifierPart(sql.charAt(i)) && sql.charAt(i) != '$') {
			i++;
		}
		if (i >= sql.length() || sql.charAt(i) != '$') {
			out.append(sql, start, i);
			return i;
		}
		String tag = sql.substring(start, i + 1);
		int end = sql.indexOf(tag, i + 1);
		out.append('?');
		return (end < 0) ? sql.length() : end + tag.length();
	}

	private static int numberEnd(String sql, int start) {
		int length = sql.length();
		int i = start;
		if (sql.charAt(i) == '0' && i + 1 < length && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'X')) {
			i += 2;
			while (i < length && Character.digit(sql.charAt(i), 16) >= 0) {
				i++;
			}
			return i;
		}
		while (i < length && (isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
			i++;
		}
		if (i < length && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
			int exponent = i + 1;
			if (exponent < length && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
				exponent++;
			}
			if (exponent < length && isDigit(sql.charAt(exponent))) {
				i = exponent;
				while (i < length && isDigit(sql.charAt(i))) {
					i++;
				}
			}
		}
		// Type suffixes such as 1L or 1.5D stay part of the literal.
		while (i < length && isIdentifierPart(sql.charAt(i))) {
			i++;
		}
		return i;
	}

	/**
	 * {@code IN (?, ?, ?)} becomes {@code IN (?)}, so that lists of any length read (and
	 * are cached and grouped) alike.
	 */
	private static String collapseInLists(StringBuilder sql) {
		int length = sql.length();
		StringBuilder out = null;
		int copied = 0;
		for (int i = 0; i + 2 < length; i++) {
			if (sql.charAt(i) != '(' || !followsIn(sql, i)) {
				continue;
			}
			int j = i + 1;
			int items = 0;
			while (true) {
				j = skipSpace(sql, j);
				if (j >= length || sql.charAt(j) != '?') {
					break;
				}
				items++;
				j = skipSpace(sql, j + 1);
				if (j < length && sql.charAt(j) == ',') {
					j++;
				}
				else {
					break;
				}
			}
			if (items > 1 && j < length && sql.charAt(j) == ')') {
				if (out == null) {
					out = new StringBuilder(length);
				}
				out.append(sql, copied, i).append("(?)");
				copied = j + 1;
				i = j;
			}
		}
		if (out == null) {
			return sql.toString();
		}
		return out.append(sql, copied, length).toString();
	}

	private static boolean followsIn(StringBuilder sql, int paren) {
		int i = paren - 1;
		if (i >= 0 && sql.charAt(i) == ' ') {
			i--;
		}
		return i >= 1 && (sql.charAt(i) == 'n' || sql.charAt(i) == 'N')
				&& (sql.charAt(i - 1) == 'i' || sql.charAt(i - 1) == 'I')
				&& (i == 1 || !isIdentifierPart(sql.charAt(i - 2)));
	}

	private static int skipSpace(StringBuilder sql, int from) {
		int i = from;
		while (i < sql.length() && sql.charAt(i) == ' ') {
			i++;
		}
		return i;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '#';
	}

}
