package io.github.oteltracing.internal.jdbc;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Mapped by JPA (Hibernate).
 */
@Entity
@Table(name = "products")
class Product {

	@Id
	private String sku;

	private String name;

	protected Product() {
	}

	Product(String sku, String name) {
		this.sku = sku;
		this.name = name;
	}

	String getName() {
		return this.name;
	}

}
