package io.github.oteltracing.acceptance;

/**
 * One line of an order.
 *
 * @param sku the stock keeping unit
 * @param quantity how many
 */
public record OrderLine(String sku, int quantity) {
}
