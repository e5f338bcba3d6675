package io.github.oteltracing.internal.jdbc;

import io.github.oteltracing.internal.jdbc.SqlSanitizer.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1                         | h2database           | orders  | -          | -1
			jdbc:h2:file:./data/orders                                   | h2database           | orders  | -          | -1
			jdbc:h2:tcp://db.internal/~/orders                           | h2database           | orders  | db.internal | 9092
			jdbc:postgresql://db.internal:6432/orders?ssl=true           | postgresql           | orders  | db.internal | 6432
			jdbc:postgresql://db.internal/orders                         | postgresql           | orders  | db.internal | 5432
			jdbc:mysql://user:pw@db1:3307,db2:3307/shop                  | mysql                | shop    | db1         | 3307
			jdbc:mariadb://[::1]:3310/shop                               | mariadb              | shop    | ::1         | 3310
			jdbc:sqlserver://sql\\main:1434;databaseName=shop;encrypt=true | microsoft.sql_server | shop   | sql         | 1434
			jdbc:oracle:thin:@ora:1522:ORCL                              | oracle.db            | ORCL    | ora         | 1522
			jdbc:oracle:thin:@//ora/service                              | oracle.db            | service | ora         | 1521
			jdbc:hsqldb:mem:testdb                                       | hsqldb               | testdb  | -           | -1
			jdbc:unknown://host:1/db                                     | other_sql            | db      | host        | 1
			not a url                                                    | other_sql            | -       | -           | -1
			""")
	void readsSystemNamespaceAndServer(String url, String system, String namespace, String host, int port) {
		assertThat(JdbcUrl.parse(url)).isEqualTo(new JdbcUrl(system, namespace, host, port));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:h2:mem:orders                      | STANDARD
			jdbc:postgresql://db.internal/orders    | STANDARD
			jdbc:oracle:thin:@ora:1522:ORCL         | STANDARD
			jdbc:sqlserver://sql:1434;database=shop | SQL_SERVER
			jdbc:jtds:sqlserver://sql:1433/shop     | SQL_SERVER
			jdbc:mysql://db1:3307/shop              | MYSQL
			jdbc:mysql+srv://cluster.internal/shop  | MYSQL
			jdbc:p6spy:mysql://db1/shop             | MYSQL
			jdbc:aws-wrapper:postgresql://db/orders | STANDARD
			jdbc:mariadb://db:3310/shop             | MYSQL
			jdbc:unknown://host:1/db                | UNKNOWN
			""")
	void knowsTheDialectOfTheDatabase(String url, Dialect dialect) {
		assertThat(JdbcUrl.parse(url).dialect()).isEqualTo(dialect);
	}

}
