package io.github.oteltracing.internal.traced.jpa;

import io.github.oteltracing.annotation.Traced;

import org.springframework.data.jpa.repository.JpaRepository;

@Traced
public interface OwnerRepository extends JpaRepository<Owner, Long> {

}
