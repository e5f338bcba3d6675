package io.github.oteltracing.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One sample order that the demo sends, and that the end-to-end tests send too, so that
 * what the demo shows is what the tests check.
 *
 * @param name a short name
 * @param description what the order is about
 * @param customerId who orders
 * @param items the SKUs and quantities
 * @param cardNumber the card to pay with
 * @param expectedStatus the HTTP status the order service answers with
 */
public record Scenario(String name, String description, String customerId, List<Item> items, String cardNumber,
		int expectedStatus) {

	/** A card the sample payment gateway accepts. */
	public static final String ACCEPTED_CARD = "4111111111111111";

	/** A card the sample payment gateway declines for insufficient funds. */
	public static final String DECLINED_CARD = "4000000000000002";

	/** Two products in stock, card accepted: {@code 201}. */
	public static final Scenario SUCCESS = new Scenario("success", "2 x BEANS-1KG + 1 x MUG-CLASSIC, card accepted",
			"customer-42", List.of(new Item("BEANS-1KG", 2), new Item("MUG-CLASSIC", 1)), ACCEPTED_CARD, 201);

	/** One product out of stock: {@code 409}, no payment. */
	public static final Scenario OUT_OF_STOCK = new Scenario("out of stock",
			"1 x BEANS-1KG + 1 x GRINDER-PRO (none left)", "customer-7",
			List.of(new Item("BEANS-1KG", 1), new Item("GRINDER-PRO", 1)), ACCEPTED_CARD, 409);

	/** The payment gateway declines the card: {@code 402}. */
	public static final Scenario DECLINED = new Scenario("card declined", "1 x MUG-CLASSIC, card declined",
			"customer-13", List.of(new Item("MUG-CLASSIC", 1)), DECLINED_CARD, 402);

	/** A product whose price comes from a slow supplier: {@code 201}, about 600 ms later. */
	public static final Scenario SLOW = new Scenario("slow product",
			"1 x ESPRESSO-MACHINE (its supplier takes ~600 ms to quote)", "customer-42",
			List.of(new Item("ESPRESSO-MACHINE", 1)), ACCEPTED_CARD, 201);

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Returns every scenario, in the order the demo sends them.
	 * @return the scenarios
	 */
	public static List<Scenario> all() {
		return List.of(SUCCESS, OUT_OF_STOCK, DECLINED, SLOW);
	}

	/**
	 * Returns the body of {@code POST /orders} for this scenario.
	 * @return the request body, as JSON
	 */
	public String requestBody() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", this.customerId);
		body.put("items", this.items);
		body.put("cardNumber", this.cardNumber);
		try {
			return JSON.writeValueAsString(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write the order of scenario '" + this.name + "'", ex);
		}
	}

	/**
	 * One product of an order.
	 *
	 * @param sku the product
	 * @param quantity how many
	 */
	public record Item(String sku, int quantity) {

	}

}
