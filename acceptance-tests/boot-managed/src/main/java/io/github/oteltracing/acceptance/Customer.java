package io.github.oteltracing.acceptance;

/**
 * A customer; recorded as an attribute through {@code toString()}.
 *
 * @param id the customer id
 * @param tier the loyalty tier
 */
public record Customer(long id, String tier) {
}
