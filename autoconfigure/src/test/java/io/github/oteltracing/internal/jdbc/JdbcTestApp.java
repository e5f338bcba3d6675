package io.github.oteltracing.internal.jdbc;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application on H2 behind HikariCP (Spring Boot's choice) with every access style:
 * {@code JdbcTemplate} and {@code JdbcClient} (auto-configured), a Spring Data JDBC
 * repository ({@link CustomerRepository}) and a JPA one ({@link ProductRepository}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class JdbcTestApp {

}
