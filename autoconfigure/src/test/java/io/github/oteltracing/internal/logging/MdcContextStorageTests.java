package io.github.oteltracing.internal.logging;

import java.util.List;

import io.github.oteltracing.logging.TraceMdc;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextStorage;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The context-storage wrapper used with SLF4J backends other than Logback: the MDC follows
 * every span switch, and closing scopes restores what is current again.
 */
class MdcContextStorageTests {

	private final ContextStorage storage = new MdcContextStorage(ContextStorage.defaultStorage());

	private final Span outer = span("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled());

	private final Span inner = span("0af7651916cd43dd8448eb211c80319c", "00f067aa0ba902b7", TraceFlags.getDefault());

	@BeforeEach
	void activate() {
		TraceMdcHook.activate();
	}

	@AfterEach
	void deactivate() {
		TraceMdcHook.deactivate();
		MDC.clear();
	}

	@Test
	void mdcFollowsEverySpanSwitch() {
		try (Scope outerScope = this.storage.attach(Context.root().with(this.outer))) {
			assertThat(MDC.get(TraceMdc.TRACE_ID)).isEqualTo("0af7651916cd43dd8448eb211c80319c");
			assertThat(MDC.get(TraceMdc.SPAN_ID)).isEqualTo("b7ad6b7169203331");
			assertThat(MDC.get(TraceMdc.TRACE_FLAGS)).isEqualTo("01");
			try (Scope innerScope = this.storage.attach(Context.root().with(this.inner))) {
				assertThat(MDC.get(TraceMdc.SPAN_ID)).isEqualTo("00f067aa0ba902b7");
				assertThat(MDC.get(TraceMdc.TRACE_FLAGS)).isEqualTo("00");
			}
			assertThat(MDC.get(TraceMdc.SPAN_ID)).isEqualTo("b7ad6b7169203331");
			try (Scope root = this.storage.attach(Context.root())) {
				assertThat(MDC.get(TraceMdc.TRACE_ID)).isNull();
			}
		}
		assertThat(MDC.get(TraceMdc.TRACE_ID)).isNull();
		assertThat(MDC.get(TraceMdc.SPAN_ID)).isNull();
		assertThat(MDC.get(TraceMdc.TRACE_FLAGS)).isNull();
	}

	@Test
	void correlationFieldsFollowBaggageSwitchesOnTheSameSpan() {
		BaggageMdcRegistration registration = new BaggageMdcRegistration(List.of("customer.id"));
		registration.afterPropertiesSet();
		try (Scope outerScope = this.storage.attach(Context.root().with(this.outer))) {
			assertThat(MDC.get("customer.id")).isNull();
			Context withCustomer = Context.current().with(Baggage.builder().put("customer.id", "c-7").build());
			try (Scope baggageScope = this.storage.attach(withCustomer)) {
				assertThat(MDC.get("customer.id")).isEqualTo("c-7");
				assertThat(MDC.get(TraceMdc.SPAN_ID)).isEqualTo("b7ad6b7169203331");
			}
			assertThat(MDC.get("customer.id")).isNull();
			try (Scope baggageScope = this.storage.attach(withCustomer)) {
				registration.destroy();
				try (Scope root = this.storage.attach(Context.root())) {
					assertThat(MDC.get("customer.id")).as("no longer listed, taken out").isNull();
				}
			}
		}
		finally {
			registration.destroy();
		}
	}

	@Test
	void inactiveLeavesTheMdcAlone() {
		TraceMdcHook.deactivate();
		try (Scope scope = this.storage.attach(Context.root().with(this.outer))) {
			assertThat(MDC.get(TraceMdc.TRACE_ID)).isNull();
		}
		finally {
			TraceMdcHook.activate();
		}
	}

	@Test
	void onceInactiveTheIdsItPutAreTakenOutAndOthersLeftAlone() {
		Scope scope = this.storage.attach(Context.root().with(this.outer));
		TraceMdcHook.deactivate();
		try {
			try (Scope root = this.storage.attach(Context.root())) {
				assertThat(MDC.get(TraceMdc.TRACE_ID)).isNull();
				assertThat(MDC.get(TraceMdc.SPAN_ID)).isNull();
				MDC.put(TraceMdc.TRACE_ID, "put by the application");
			}
			try (Scope again = this.storage.attach(Context.root().with(this.inner))) {
				assertThat(MDC.get(TraceMdc.TRACE_ID)).isEqualTo("put by the application");
			}
		}
		finally {
			TraceMdcHook.activate();
			scope.close();
		}
	}

	private static Span span(String traceId, String spanId, TraceFlags flags) {
		return Span.wrap(SpanContext.create(traceId, spanId, flags, TraceState.getDefault()));
	}

}
