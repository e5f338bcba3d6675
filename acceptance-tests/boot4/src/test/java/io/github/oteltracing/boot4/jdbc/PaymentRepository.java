package io.github.oteltracing.boot4.jdbc;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, Long> {

	// A literal in JPQL, which Hibernate writes into its SQL as a literal, not a parameter.
	@Query("select p from Payment p where p.cardNumber = '" + JdbcSpansTests.CARD + "'")
	List<Payment> findTestCardPayments();

}
