package io.github.oteltracing.internal.jdbc;

import io.github.oteltracing.internal.jdbc.SqlSanitizer.Dialect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SqlSanitizerTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			select * from users where email = 'ann@example.com'            | select * from users where email = ?
			select * from cards where number = 4111111111111111             | select * from cards where number = ?
			select * from t where name = 'O''Brien' and id = 7              | select * from t where name = ? and id = ?
			select * from t where a = -1.5e-3 and b = .5 and c = 10L        | select * from t where a = -? and b = ? and c = ?
			select * from t where h = 0xDEADBEEF or h = X'1F' or n = N'zz'  | select * from t where h = ? or h = ? or n = ?
			select * from t where id in (1, 2, 3)                           | select * from t where id in (?)
			select * from t where id IN(?,?,?) and v = 'x'                  | select * from t where id IN(?) and v = ?
			insert into t (a, b) values (1, 'x')                            | insert into t (a, b) values (?, ?)
			select t1.col2 from table_3 t1 where t1.c4 = ?                  | select t1.col2 from table_3 t1 where t1.c4 = ?
			select "Column1" from "Table 2" where x = $1                    | select "Column1" from "Table 2" where x = ?
			select `a1` from b2                                             | select `a1` from b2
			select $$secret$$, $tag$also secret$tag$ from t                 | select ?, ? from t
			select 1 -- the card is 4111111111111111                        | select ?
			select /* 'c' 4111 */ a from t                                  | select a from t
			~select a
			   from t~                                                       | select a from t
			select * from t where name = 'unterminated 4111                 | select * from t where name = ?
			select * from t where s = q'[it's 4111]' and n = nQ'{a'b}' or 1 | select * from t where s = ? and n = ? or ?
			select q'!don't!', Q'<x>' from q where q = 'y'                  | select ?, ? from q where q = ?
			select * from t where s = q'[never closed 4111'                 | select * from t where s = ?
			select * from u /* a /* b */ it's */ where e = 'bob@x.io'      | select * from u where e = ?
			delete from "users where email = 'bob@x.io'                    | delete from ?
			~select id // user's id
			   from u where e = 'bob@x.io'~                                 | select id from u where e = ?
			update a set balance = $1234.56, lim = $5000 where n > $4111     | update a set balance = ?, lim = ? where n > ?
			""")
	void replacesLiteralsAndKeepsIdentifiers(String sql, String sanitized) {
		for (Dialect dialect : Dialect.values()) {
			if (dialect != Dialect.MYSQL || !sql.contains("\"")) {
				assertThat(SqlSanitizer.sanitize(sql, dialect)).as(dialect.name()).isEqualTo(sanitized);
			}
		}
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			STANDARD | select * from o where n like ? escape '\\' and c <> 'Secret' | select * from o where n like ? escape ? and c <> ?
			STANDARD | select E'it\\'s', 'a\\' from t where c <> 'Secret'         | select ?, ? from t where c <> ?
			STANDARD | select * from t where p = 'C:\\temp' and x = 'Secret'       | select * from t where p = ? and x = ?
			UNKNOWN  | select * from o where n like ? escape '\\' and c <> 'Secret' | select * from o where n like ? escape ?
			UNKNOWN  | select * from t where name = 'it\\'s' and x = 'Secret'      | select * from t where name = ?
			UNKNOWN  | select * from t where p = 'C:\\temp' and x = 'Secret'       | select * from t where p = ? and x = ?
			UNKNOWN  | select * from t where p = 'C:\\\\' and x = 'Secret'         | select * from t where p = ? and x = ?
			UNKNOWN  | select E'it\\'s' from t where x = 'Secret'                  | select ? from t where x = ?
			MYSQL    | select * from t where name = 'it\\'s' and x = 'Secret'      | select * from t where name = ?
			MYSQL    | select * from o where n like ? escape '\\\\' and c <> 'Secret' | select * from o where n like ? escape ? and c <> ?
			""")
	void readsBackslashesAsTheDatabaseDoesAndRemovesTheRestWhereThatIsNotKnown(Dialect dialect, String sql,
			String sanitized) {
		assertThat(SqlSanitizer.sanitize(sql, dialect)).isEqualTo(sanitized).doesNotContain("Secret");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			select * from users where email = "ann@example.com"             | select * from users where email = ?
			select `email` from users where name = "O""Brien"               | select `email` from users where name = ?
			select a from t # where card = 4111 and name = Ann              | select a from t
			~select * from users# it's a comment
			   where email = 'bob@x.io'~                                    | select * from users where email = ?
			insert into n (a, b) values (1--1, 'bob@x.io')                  | insert into n (a, b) values (?--?, ?)
			select `users where email = 'bob@x.io'                          | select ?
			~select a # Ann
			   from t~                                                       | select a from t
			""")
	void readsDoubleQuotesAsStringsAndHashesAsCommentsWhereTheDatabaseDoes(String sql, String sanitized) {
		assertThat(SqlSanitizer.sanitize(sql, Dialect.MYSQL)).isEqualTo(sanitized);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			update [Customer's Orders] set email = 'bob@x.io' where c = 4111  | update [Customer's Orders] set email = ? where c = ?
			select [a]]'b], [Size 6"] from t where pw = 'hunter2'            | select [a]]'b], [Size 6"] from t where pw = ?
			select * from [never closed where pw = 'hunter2'                  | select * from ?
			""")
	void keepsBracketedIdentifiersOnSqlServer(String sql, String sanitized) {
		assertThat(SqlSanitizer.sanitize(sql, Dialect.SQL_SERVER)).isEqualTo(sanitized);
	}

}
