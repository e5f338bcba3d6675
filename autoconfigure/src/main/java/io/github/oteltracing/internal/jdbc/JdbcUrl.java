package io.github.oteltracing.internal.jdbc;

import java.util.Locale;

import io.opentelemetry.semconv.DbAttributes.DbSystemNameValues;

/**
 * The database a JDBC URL points at: {@code db.system.name}, {@code db.namespace} (the
 * database name) and, for a server, {@code server.address} and {@code server.port} (the
 * system's default port where the URL names none). Read once per data source.
 *
 * @param system the {@code db.system.name} value
 * @param namespace the database name, {@code null} if the URL has none
 * @param host the server's host, {@code null} for an embedded database
 * @param port the server's port, {@code -1} if unknown
 */
record JdbcUrl(String system, String namespace, String host, int port) {

	// Values of db.system.name that the stable semconv artifact does not yet carry as constants.
	static final String OTHER_SQL = "other_sql";

	static final JdbcUrl UNKNOWN = new JdbcUrl(OTHER_SQL, null, null, -1);

	/**
	 * Reads a JDBC URL.
	 * @param url the URL, such as {@code jdbc:postgresql://db:5432/orders}
	 * @return what it names; {@link #UNKNOWN} for {@code null} or what is not a JDBC URL
	 */
	static JdbcUrl parse(String url) {
		if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
			return UNKNOWN;
		}
		String rest = url.substring(5);
		int colon = rest.indexOf(':');
		if (colon < 0) {
			return UNKNOWN;
		}
		String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
		String location = rest.substring(colon + 1);
		return switch (subprotocol) {
			case "h2" -> h2(location);
			case "hsqldb" -> embeddedOrServer("hsqldb", location, 9001);
			case "derby" -> embeddedOrServer("derby", location, 1527);
			case "postgresql", "pgsql" -> server(DbSystemNameValues.POSTGRESQL, location, 5432);
			case "mysql", "mysql+srv" -> server(DbSystemNameValues.MYSQL, location, 3306);
			case "mariadb" -> server(DbSystemNameValues.MARIADB, location, 3306);
			case "sqlserver" -> sqlServer(location);
			case "jtds" -> location.regionMatches(true, 0, "sqlserver:", 0, 10)
					? server(DbSystemNameValues.MICROSOFT_SQL_SERVER, location.substring(10), 1433)
					: server(OTHER_SQL, location, -1);
			// Drivers that wrap another one and name it after their own prefix.
			case "p6spy", "aws-wrapper", "log4jdbc", "otel" -> parse("jdbc:" + location);
			case "oracle" -> oracle(location);
			case "db2" -> server("ibm.db2", location, 50000);
			case "sqlite" -> new JdbcUrl("sqlite", lastSegment(location), null, -1);
			default -> server(OTHER_SQL, location, -1);
		};
	}

	/**
	 * How the database reads a statement, as far as sanitizing it needs to know.
	 * @return MySQL's for MySQL and MariaDB, SQL Server's for it, unknown for a database
	 * not known here, else the SQL standard's
	 */
	SqlSanitizer.Dialect dialect() {
		return switch (this.system) {
			case DbSystemNameValues.MYSQL, DbSystemNameValues.MARIADB -> SqlSanitizer.Dialect.MYSQL;
			case DbSystemNameValues.MICROSOFT_SQL_SERVER -> SqlSanitizer.Dialect.SQL_SERVER;
			case OTHER_SQL -> SqlSanitizer.Dialect.UNKNOWN;
			default -> SqlSanitizer.Dialect.STANDARD;
		};
	}

	private static JdbcUrl h2(String location) {
		String path = withoutOptions(location, ';');
		String lower = path.toLowerCase(Locale.ROOT);
		if (lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
			JdbcUrl server = server("h2database", path.substring(4), 9092);
			String namespace = (server.namespace() != null) ? lastSegment(server.namespace()) : null;
			return new JdbcUrl(server.system(), namespace, server.host(), server.port());
		}
		if (lower.startsWith("mem:") || lower.startsWith("file:")) {
			path = path.substring(path.indexOf(':') + 1);
		}
		return new JdbcUrl("h2database", lastSegment(path), null, -1);
	}

	private static JdbcUrl embeddedOrServer(String system, String location, int defaultPort) {
		String path = withoutOptions(location, ';');
		int colon = path.indexOf(':');
		String scheme = (colon < 0) ? "" : path.substring(0, colon).toLowerCase(Locale.ROOT);
		if (path.startsWith("//") || scheme.startsWith("hsql") || scheme.startsWith("http")) {
			return server(system, path.substring(path.indexOf("//") < 0 ? 0 : path.indexOf("//")), defaultPort);
		}
		return new JdbcUrl(system, lastSegment((colon < 0) ? path : path.substring(colon + 1)), null, -1);
	}

	// //host:port/database?options, the form of most server drivers.
	private static JdbcUrl server(String system, String location, int defaultPort) {
		if (!location.startsWith("//")) {
			return new JdbcUrl(system, null, null, -1);
		}
		String authority = location.substring(2);
		int slash = firstOf(authority, "/?;");
		String database = null;
		if (slash >= 0 && authority.charAt(slash) == '/') {
			database = withoutOptions(authority.substring(slash + 1), '?');
			database = withoutOptions(database, ';');
		}
		String hostPort = (slash < 0) ? authority : authority.substring(0, slash);
		return hostAndPort(system, hostPort, emptyToNull(database), defaultPort);
	}

	// //host\instance:port;databaseName=orders
	private static JdbcUrl sqlServer(String location) {
		String system = DbSystemNameValues.MICROSOFT_SQL_SERVER;
		if (!location.startsWith("//")) {
			return new JdbcUrl(system, null, null, -1);
		}
		String rest = location.substring(2);
		int semicolon = rest.indexOf(';');
		String hostPort = (semicolon < 0) ? rest : rest.substring(0, semicolon);
		int backslash = hostPort.indexOf('\\');
		if (backslash >= 0) {
			int colon = hostPort.indexOf(':', backslash);
			hostPort = hostPort.substring(0, backslash) + ((colon < 0) ? "" : hostPort.substring(colon));
		}
		String database = null;
		if (semicolon >= 0) {
			for (String option : rest.substring(semicolon + 1).split(";")) {
				int equals = option.indexOf('=');
				String key = (equals < 0) ? option : option.substring(0, equals);
				if (equals > 0 && (key.equalsIgnoreCase("databaseName") || key.equalsIgnoreCase("database"))) {
					database = option.substring(equals + 1);
				}
			}
		}
		return hostAndPort(system, hostPort, emptyToNull(database), 1433);
	}

	// thin:@host:port:sid, thin:@//host:port/service, thin:@(DESCRIPTION=...)
	private static JdbcUrl oracle(String location) {
		int at = location.indexOf('@');
		if (at < 0 || location.indexOf('(', at) >= 0) {
			return new JdbcUrl("oracle.db", null, null, -1);
		}
		String target = location.substring(at + 1);
		if (target.startsWith("//")) {
			return server("oracle.db", target, 1521);
		}
		String[] parts = target.split(":");
		if (parts.length >= 3) {
			return hostAndPort("oracle.db", parts[0] + ":" + parts[1], parts[2], 1521);
		}
		return hostAndPort("oracle.db", target, null, 1521);
	}

	private static JdbcUrl hostAndPort(String system, String hostPort, String database, int defaultPort) {
		String first = hostPort;
		int comma = first.indexOf(',');
		if (comma >= 0) {
			first = first.substring(0, comma);
		}
		int at = first.lastIndexOf('@');
		if (at >= 0) {
			first = first.substring(at + 1);
		}
		String host = first;
		int port = defaultPort;
		int colon = first.lastIndexOf(':');
		boolean ipv6 = first.startsWith("[");
		if (colon >= 0 && (!ipv6 || colon > first.indexOf(']'))) {
			host = first.substring(0, colon);
			try {
				port = Integer.parseInt(first.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				port = defaultPort;
			}
		}
		if (ipv6) {
			host = host.substring(1, Math.max(1, host.indexOf(']')));
		}
		return new JdbcUrl(system, database, emptyToNull(host), port);
	}

	private static String lastSegment(String path) {
		String trimmed = withoutOptions(path, ';');
		int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
		return emptyToNull(trimmed.substring(slash + 1));
	}

	private static String withoutOptions(String value, char separator) {
		int index = value.indexOf(separator);
		return (index < 0) ? value : value.substring(0, index);
	}

	private static int firstOf(String value, String characters) {
		for (int i = 0; i < value.length(); i++) {
			if (characters.indexOf(value.charAt(i)) >= 0) {
				return i;
			}
		}
		return -1;
	}

	private static String emptyToNull(String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

}
