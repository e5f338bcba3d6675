package io.github.oteltracing.internal.traced;

import java.lang.reflect.Method;

import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.testing.Allocations;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One method called on several classes: each class gets its own derived name, found again
 * on every later call, whichever class was seen first.
 */
class TracedMethodsTests {

	@Test
	void anInheritedMethodIsNamedAfterEachClassItIsCalledOn() throws NoSuchMethodException {
		Method process = Base.class.getMethod("process");
		TracedMethods methods = new TracedMethods();
		for (int round = 0; round < 3; round++) {
			TracedMethod order = methods.get(process, OrderService.class);
			TracedMethod payment = methods.get(process, PaymentService.class);
			TracedMethod invoice = methods.get(process, InvoiceService.class);
			assertThat(order.spanName).isEqualTo("process-order");
			assertThat(payment.spanName).isEqualTo("process-payment");
			assertThat(invoice.spanName).isEqualTo("process-invoice");
			assertThat(methods.get(process, PaymentService.class)).isSameAs(payment);
			assertThat(methods.get(process, OrderService.class)).isSameAs(order);
		}
	}

	@Test
	void aMethodOnItsSecondClassIsFoundWithoutAllocating() throws NoSuchMethodException {
		Method process = Base.class.getMethod("process");
		TracedMethods methods = new TracedMethods();
		methods.get(process, OrderService.class);
		long bytes = Allocations.allocatedBy(10_000, () -> methods.get(process, PaymentService.class));
		// A key per call was 24 bytes or more; a few bytes are the probe's.
		assertThat(bytes).isLessThan(10_000);
	}

	abstract static class Base {

		@Traced
		public void process() {
		}

	}

	static class OrderService extends Base {

	}

	static class PaymentService extends Base {

	}

	static class InvoiceService extends Base {

	}

}
