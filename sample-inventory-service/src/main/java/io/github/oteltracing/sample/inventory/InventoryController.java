package io.github.oteltracing.sample.inventory;

import java.math.BigDecimal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock levels and prices, one product at a time.
 */
@RestController
class InventoryController {

	private static final String CURRENCY = "EUR";

	private final Catalog catalog;

	InventoryController(Catalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/stock/{sku}")
	StockLevel stock(@PathVariable String sku) {
		return new StockLevel(sku, this.catalog.countStock(sku));
	}

	@GetMapping("/prices/{sku}")
	PriceQuote price(@PathVariable String sku) {
		return new PriceQuote(sku, this.catalog.quotePrice(sku), CURRENCY);
	}

	@ExceptionHandler
	ProblemDetail unknownProduct(UnknownProductException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	record StockLevel(String sku, int available) {
	}

	record PriceQuote(String sku, BigDecimal unitPrice, String currency) {
	}

}
