package io.github.oteltracing.sample.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.github.oteltracing.annotation.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestTemplate;

/**
 * The inventory service, through a {@link RestTemplate}: stock checks and price quotes.
 */
@Component
public class InventoryClient {

	private static final AttributeKey<Double> ORDER_TOTAL = AttributeKey.doubleKey("order.total");

	private final RestTemplate restTemplate;

	InventoryClient(RestTemplate inventoryRestTemplate) {
		this.restTemplate = inventoryRestTemplate;
	}

	/**
	 * Checks that every item is in stock; the span is {@code check-inventory}.
	 * @param items the items ordered
	 * @throws OutOfStockException for the first item with too few units left
	 * @throws UnknownProductException for an item the inventory does not know
	 */
	@Traced
	public void checkInventory(List<OrderRequest.Item> items) {
		for (OrderRequest.Item item : items) {
			StockLevel stock = get("/stock/{sku}", StockLevel.class, item.sku());
			if (stock.available() < item.quantity()) {
				throw new OutOfStockException(item.sku(), stock.available(), item.quantity());
			}
		}
	}

	/**
	 * Prices the items at the inventory's current prices; the span is
	 * {@code calculate-price}.
	 * @param items the items ordered
	 * @return the priced lines and their total
	 */
	@Traced
	public PricedItems calculatePrice(List<OrderRequest.Item> items) {
		List<Order.Line> lines = new ArrayList<>(items.size());
		BigDecimal total = BigDecimal.ZERO;
		String currency = null;
		for (OrderRequest.Item item : items) {
			PriceQuote quote = get("/prices/{sku}", PriceQuote.class, item.sku());
			lines.add(new Order.Line(item.sku(), item.quantity(), quote.unitPrice()));
			total = total.add(quote.unitPrice().multiply(BigDecimal.valueOf(item.quantity())));
			currency = quote.currency();
		}
		Span.current().setAttribute(ORDER_TOTAL, total.doubleValue());
		return new PricedItems(lines, total, currency);
	}

	private <T> T get(String path, Class<T> type, String sku) {
		try {
			return this.restTemplate.getForObject(path, type, sku);
		}
		catch (HttpClientErrorException.NotFound ex) {
			throw new UnknownProductException(sku);
		}
	}

	/**
	 * Priced items.
	 *
	 * @param lines one per item, in order
	 * @param total the sum of the lines
	 * @param currency the ISO 4217 currency code
	 */
	public record PricedItems(List<Order.Line> lines, BigDecimal total, String currency) {

	}

	record StockLevel(String sku, int available) {
	}

	record PriceQuote(String sku, BigDecimal unitPrice, String currency) {
	}

}
