package io.github.oteltracing.aot;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /orders/{id}} reserves stock through the other endpoints, which answer the
 * shop's own clients.
 */
@RestController
class ShopController {

	private static final Log logger = LogFactory.getLog(ShopController.class);

	private final Warehouse warehouse;

	private final Notifier notifier;

	ShopController(Warehouse warehouse, Notifier notifier) {
		this.warehouse = warehouse;
		this.notifier = notifier;
	}

	@GetMapping("/orders/{id}")
	String order(@PathVariable String id) {
		logger.info("Order " + id);
		String reserved = this.warehouse.reserveStock(id);
		this.notifier.sendConfirmation(id);
		return reserved;
	}

	@GetMapping("/stock/{sku}")
	String stock(@PathVariable String sku) {
		return "5";
	}

	@GetMapping("/prices/{sku}")
	String price(@PathVariable String sku) {
		return "9.99";
	}

}
