package io.github.oteltracing.internal.jdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Mapped by Spring Data JDBC.
 */
@Table("CUSTOMERS")
record Customer(@Id Long id, String email) {

}
