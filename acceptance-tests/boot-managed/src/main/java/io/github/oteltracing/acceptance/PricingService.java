package io.github.oteltracing.acceptance;

import java.util.List;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;

import org.springframework.stereotype.Service;

@Service
public class PricingService {

	/**
	 * A one-word method: the noun comes from the class ({@code quote-pricing}). The
	 * parameters cover each kind of attribute value.
	 */
	@Traced
	public double quote(@SpanAttribute("pricing.skus") List<String> skus,
			@SpanAttribute("pricing.quantities") int[] quantities, @SpanAttribute("pricing.discount") float discount,
			@SpanAttribute("pricing.express") boolean express, @SpanAttribute("pricing.customer") Customer customer,
			@SpanAttribute("pricing.coupon") String coupon) {
		int items = 0;
		for (int quantity : quantities) {
			items += quantity;
		}
		return items * 10.0 * (1 - discount);
	}

}
