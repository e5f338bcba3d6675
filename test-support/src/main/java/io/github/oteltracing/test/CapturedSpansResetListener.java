package io.github.oteltracing.test;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Empties the {@link CapturedSpans} of a test's application context before each test
 * method, so that a test sees neither the spans of the tests before it (contexts are
 * shared between test classes) nor those of the application's start-up. Registered in
 * {@code META-INF/spring.factories}; does nothing where the context has no capture.
 */
class CapturedSpansResetListener implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(CapturedSpans.class).ifAvailable(CapturedSpans::reset);
		}
	}

	// After dependency injection (2000), so the context is loaded; before everything else.
	@Override
	public int getOrder() {
		return 2100;
	}

}
