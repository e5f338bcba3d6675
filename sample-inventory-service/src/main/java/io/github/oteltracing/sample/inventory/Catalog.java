package io.github.oteltracing.sample.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

import org.springframework.stereotype.Component;

/**
 * The products the shop sells, with their stock and price. Kept in memory: the samples
 * are about the traces, not about storage.
 */
@Component
public class Catalog {

	/** In stock and quickly priced. */
	public static final String BEANS = "BEANS-1KG";

	/** In stock and quickly priced. */
	public static final String MUG = "MUG-CLASSIC";

	/** Out of stock: an order for it is rejected with 409. */
	public static final String GRINDER = "GRINDER-PRO";

	/** In stock, but priced by a supplier that takes about 600 ms: the slow outlier. */
	public static final String ESPRESSO_MACHINE = "ESPRESSO-MACHINE";

	private static final AttributeKey<Long> STOCK_AVAILABLE = AttributeKey.longKey("stock.available");

	private static final AttributeKey<String> PRICE_SOURCE = AttributeKey.stringKey("price.source");

	private static final Map<String, Product> PRODUCTS = Map.of(
			BEANS, new Product(120, new BigDecimal("18.50"), Duration.ZERO),
			MUG, new Product(40, new BigDecimal("9.90"), Duration.ZERO),
			GRINDER, new Product(0, new BigDecimal("149.00"), Duration.ZERO),
			ESPRESSO_MACHINE, new Product(5, new BigDecimal("499.00"), Duration.ofMillis(600)));

	/**
	 * Counts the units available for sale.
	 * @param sku the product
	 * @return the units in stock
	 * @throws UnknownProductException if the catalog has no such product
	 */
	@Traced
	public int countStock(@SpanAttribute("product.sku") String sku) {
		int available = product(sku).stock();
		Span.current().setAttribute(STOCK_AVAILABLE, (long) available);
		return available;
	}

	/**
	 * Quotes the current unit price.
	 * @param sku the product
	 * @return the unit price
	 * @throws UnknownProductException if the catalog has no such product
	 */
	@Traced
	public BigDecimal quotePrice(@SpanAttribute("product.sku") String sku) {
		Product product = product(sku);
		boolean fromSupplier = !product.supplierLatency().isZero();
		Span.current().setAttribute(PRICE_SOURCE, fromSupplier ? "supplier" : "catalog");
		if (fromSupplier) {
			askSupplier(product.supplierLatency());
		}
		return product.unitPrice();
	}

	private static Product product(String sku) {
		Product product = PRODUCTS.get(sku);
		if (product == null) {
			throw new UnknownProductException(sku);
		}
		return product;
	}

	// Stands in for a remote supplier's quote API that answers slowly.
	private static void askSupplier(Duration latency) {
		try {
			Thread.sleep(latency.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the supplier's quote", ex);
		}
	}

	private record Product(int stock, BigDecimal unitPrice, Duration supplierLatency) {
	}

}
