package io.github.oteltracing.internal.traced.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Owner {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	protected Owner() {
	}

	Owner(String name) {
		this.name = name;
	}

	Long getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

}
