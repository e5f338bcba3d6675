package io.github.oteltracing.acceptance;

import java.util.List;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {

	private final CheckoutService checkout;

	public OrderController(CheckoutService checkout) {
		this.checkout = checkout;
	}

	@PostMapping("/orders/{orderId}")
	public String placeOrder(@PathVariable String orderId) throws PaymentDeclinedException {
		return this.checkout.placeOrder(orderId, 7L, List.of(new OrderLine("book", 1)), 12.5);
	}

}
