package io.github.oteltracing.acceptance;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.stereotype.Service;

@Service
public class InventoryService {

	/**
	 * Reserves stock; the span name is derived from the method name.
	 * @param sku the item
	 * @param quantity recorded under the parameter's own name
	 * @return the quantity reserved
	 */
	@Traced
	public int reserveStock(@SpanAttribute("sku") String sku, @SpanAttribute int quantity) {
		return quantity;
	}

}
