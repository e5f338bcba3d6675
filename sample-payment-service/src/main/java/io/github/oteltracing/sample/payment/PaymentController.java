package io.github.oteltracing.sample.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Card payments. A declined payment is {@code 402 Payment Required} with the reason.
 */
@RestController
class PaymentController {

	private static final Logger logger = LoggerFactory.getLogger(PaymentController.class);

	private final PaymentService payments;

	PaymentController(PaymentService payments) {
		this.payments = payments;
	}

	@PostMapping("/payments")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Authorization> authorize(@RequestBody PaymentRequest request) {
		return this.payments.process(request);
	}

	@ExceptionHandler
	ProblemDetail declined(PaymentDeclinedException ex) {
		logger.info("Payment declined: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYMENT_REQUIRED, ex.getMessage());
		problem.setTitle("Payment declined");
		return problem;
	}

}
