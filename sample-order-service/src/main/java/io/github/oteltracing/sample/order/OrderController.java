package io.github.oteltracing.sample.order;

import java.net.URI;

import io.opentelemetry.api.trace.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import org.springframework.web.reactive.function.client.WebClientException;

/**
 * Orders. A rejected order is answered with a problem detail that names the trace it
 * failed in, so that a support request can go straight to it.
 */
@RestController
class OrderController {

	private static final Logger logger = LoggerFactory.getLogger(OrderController.class);

	private final OrderService orderService;

	private final OrderRepository orders;

	OrderController(OrderService orderService, OrderRepository orders) {
		this.orderService = orderService;
		this.orders = orders;
	}

	@PostMapping("/orders")
	ResponseEntity<Order> create(@RequestBody OrderRequest request) {
		request.validate();
		Order order = this.orderService.createOrder(request.customerId(), request.items(), request.cardNumber());
		return ResponseEntity.created(URI.create("/orders/" + order.id())).body(order);
	}

	@GetMapping("/orders/{id}")
	Order find(@PathVariable String id) {
		return this.orders.find(id).orElseThrow(() -> new OrderNotFoundException(id));
	}

	@ExceptionHandler
	ProblemDetail outOfStock(OutOfStockException ex) {
		return problem(HttpStatus.CONFLICT, "Out of stock", ex);
	}

	@ExceptionHandler
	ProblemDetail paymentDeclined(PaymentDeclinedException ex) {
		return problem(HttpStatus.PAYMENT_REQUIRED, "Payment declined", ex);
	}

	@ExceptionHandler
	ProblemDetail unknownProduct(UnknownProductException ex) {
		return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown product", ex);
	}

	@ExceptionHandler
	ProblemDetail invalidOrder(InvalidOrderException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid order", ex);
	}

	@ExceptionHandler
	ProblemDetail notFound(OrderNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Order not found", ex);
	}

	@ExceptionHandler({ RestClientException.class, WebClientException.class })
	ProblemDetail downstreamFailed(RuntimeException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "A downstream service failed", ex);
	}

	private static ProblemDetail problem(HttpStatus status, String title, RuntimeException ex) {
		logger.info("{} {}: {}", status.value(), title, ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("traceId", Span.current().getSpanContext().getTraceId());
		return problem;
	}

}
