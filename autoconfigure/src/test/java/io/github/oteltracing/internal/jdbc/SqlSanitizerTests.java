package io.github.oteltracing.internal.jdbc;

import io.github.oteltracing.internal.jdbc.SqlSanitizer.Backslash;
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
			select "Column1" from "Table 2" where x = $1                    | select "Column1" from "Table 2" where x = $1
			select `a1` from b2                                             | select `a1` from b2
			select $$secret$$, $tag$also secret$tag$ from t                 | select ?, ? from t
			select 1 -- the card is 4111111111111111                        | select ?
			select /* 'c' 4111 */ a from t                                  | select a from t
			~select a
			   from t~                                                       | select a from t
			select * from t where name = 'unterminated 4111                 | select * from t where name = ?
			""")
	void replacesLiteralsAndKeepsIdentifiers(String sql, String sanitized) {
		for (Backslash backslash : Backslash.values()) {
			assertThat(SqlSanitizer.sanitize(sql, false, backslash)).as(backslash.name()).isEqualTo(sanitized);
		}
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			ESCAPES | select * from t where name = 'it\\'s' and x = 'y'           | select * from t where name = ? and x = ?
			LITERAL | select * from o where n like ? escape '\\' and c <> 'Secret' | select * from o where n like ? escape ? and c <> ?
			LITERAL | select E'it\\'s', 'a\\' from t where c <> 'Secret'         | select ?, ? from t where c <> ?
			EITHER  | select * from o where n like ? escape '\\' and c <> 'Secret' | select * from o where n like ? escape ?
			EITHER  | select * from t where name = 'it\\'s' and x = 'Secret'      | select * from t where name = ?
			EITHER  | select * from t where p = 'C:\\temp' and x = 'Secret'       | select * from t where p = ? and x = ?
			EITHER  | select * from t where p = 'C:\\\\' and x = 'Secret'         | select * from t where p = ? and x = ?
			""")
	void readsBackslashesAsTheDatabaseDoesAndRemovesTheRestWhereThatIsNotKnown(Backslash backslash, String sql,
			String sanitized) {
		assertThat(SqlSanitizer.sanitize(sql, false, backslash)).isEqualTo(sanitized).doesNotContain("Secret");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			select * from users where email = "ann@example.com"             | select * from users where email = ?
			select `email` from users where name = "O""Brien"               | select `email` from users where name = ?
			""")
	void readsDoubleQuotesAsStringsWhereTheDatabaseDoes(String sql, String sanitized) {
		assertThat(SqlSanitizer.sanitize(sql, true, Backslash.EITHER)).isEqualTo(sanitized);
	}

}
