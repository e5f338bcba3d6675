package io.github.oteltracing.internal.jdbc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuerySummaryTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			select * from orders where id = ?                                   | SELECT       | orders       | SELECT orders
			SELECT o1_0.id FROM orders o1_0 WHERE o1_0.id=?                     | SELECT       | orders       | SELECT orders
			select a.x from songs a, artists b where a.id = b.id                | SELECT       | -            | SELECT songs artists
			select * from orders o join order_lines l on o.id = l.order_id      | SELECT       | -            | SELECT orders order_lines
			select * from orders o left outer join lines l on o.id = l.id       | SELECT       | -            | SELECT orders lines
			insert into orders (id, total) values (?, ?)                        | INSERT       | orders       | INSERT orders
			INSERT INTO "PUBLIC"."ORDERS" ("ID") VALUES (?)                     | INSERT       | PUBLIC.ORDERS | INSERT PUBLIC.ORDERS
			insert into shipping select * from orders                           | INSERT       | -            | INSERT shipping SELECT orders
			update orders set status = ? where id = ?                           | UPDATE       | orders       | UPDATE orders
			delete from order_lines where order_id = ?                          | DELETE       | order_lines  | DELETE order_lines
			merge into stock s using deliveries d on s.sku = d.sku              | MERGE        | -            | MERGE stock deliveries
			select * from orders where id in (select order_id from lines)       | SELECT       | -            | SELECT orders SELECT lines
			select count(*) from (select id from orders) x                      | SELECT       | -            | SELECT SELECT orders
			{call reserve_stock(?, ?)}                                          | CALL         | -            | CALL reserve_stock
			create table if not exists orders (id varchar(36) primary key)      | CREATE TABLE | orders       | CREATE TABLE orders
			drop table orders                                                   | DROP TABLE   | orders       | DROP TABLE orders
			select ?                                                            | SELECT       | -            | SELECT
			set schema app                                                      | SET          | -            | SET
			""")
	void readsOperationCollectionAndSummary(String sql, String operation, String collection, String summary) {
		QuerySummary read = QuerySummary.of(sql);
		assertThat(read.operation()).isEqualTo(operation);
		assertThat(read.collection()).isEqualTo(collection);
		assertThat(read.summary()).isEqualTo(summary);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''
			?
			(((
			""")
	void recognisesNothingInWhatIsNoStatement(String sql) {
		assertThat(QuerySummary.of((sql != null) ? sql : "")).isEqualTo(QuerySummary.NONE);
	}

}
