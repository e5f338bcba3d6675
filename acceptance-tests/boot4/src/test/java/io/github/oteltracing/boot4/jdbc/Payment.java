package io.github.oteltracing.boot4.jdbc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Mapped by Hibernate, whose start-up DDL creates its table.
 */
@Entity
@Table(name = "payments")
class Payment {

	@Id
	private Long id;

	private String cardNumber;

	protected Payment() {
	}

	Payment(Long id, String cardNumber) {
		this.id = id;
		this.cardNumber = cardNumber;
	}

	Long getId() {
		return this.id;
	}

}
