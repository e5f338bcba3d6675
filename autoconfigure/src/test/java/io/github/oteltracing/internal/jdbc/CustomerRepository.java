package io.github.oteltracing.internal.jdbc;

import org.springframework.data.repository.CrudRepository;

interface CustomerRepository extends CrudRepository<Customer, Long> {

}
