package io.github.oteltracing.traced;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import io.github.oteltracing.autoconfigure.PropagationAutoConfiguration;
import io.github.oteltracing.autoconfigure.SamplingAutoConfiguration;
import io.github.oteltracing.autoconfigure.SpanExportAutoConfiguration;
import io.github.oteltracing.autoconfigure.TracedAutoConfiguration;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @Traced} through the real auto-configuration and a real Spring AOP proxy; spans
 * end in an in-memory exporter. One context for the whole class.
 */
class TracedTests {

	static final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	static ConfigurableApplicationContext context;

	static Shop shop;

	static InvoiceServiceImpl invoices;

	@BeforeAll
	static void startContext() {
		AnnotationConfigApplicationContext started = new AnnotationConfigApplicationContext();
		TestPropertyValues.of("tracing.exporter.type=none").applyTo(started);
		started.register(TestBeans.class);
		started.refresh();
		context = started;
	}

	@BeforeEach
	void reset() {
		shop = context.getBean(Shop.class);
		invoices = context.getBean(InvoiceServiceImpl.class);
		exporter.reset();
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void derivesVerbNounNameOnceAndLeavesStatusUnsetOnSuccess() {
		shop.reserveStock("sku-1", 3);
		SpanData span = single();
		assertThat(span.getName()).isEqualTo("reserve-stock");
		assertThat(span.getKind()).isEqualTo(SpanKind.INTERNAL);
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
		assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("io.github.oteltracing.traced");
	}

	@Test
	void recordsTypedParameterAttributes() {
		shop.reserveStock("sku-1", 3);
		SpanData span = single();
		assertThat(span.getAttributes().get(AttributeKey.stringKey("stock.sku"))).isEqualTo("sku-1");
		assertThat(span.getAttributes().get(AttributeKey.longKey("quantity"))).isEqualTo(3L);
	}

	@Test
	void recordsEveryValueType() {
		shop.describe(2.5f, true, (short) 7, new int[] { 1, 2 }, List.of("a", "b"), Set.of(1.5), new Object() {
			@Override
			public String toString() {
				return "custom";
			}
		}, null);
		SpanData span = single();
		assertThat(span.getName()).isEqualTo("describe-shop");
		assertThat(span.getAttributes().get(AttributeKey.doubleKey("price"))).isEqualTo(2.5);
		assertThat(span.getAttributes().get(AttributeKey.booleanKey("express"))).isTrue();
		assertThat(span.getAttributes().get(AttributeKey.longKey("count"))).isEqualTo(7L);
		assertThat(span.getAttributes().get(AttributeKey.longArrayKey("ids"))).containsExactly(1L, 2L);
		assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("tags"))).containsExactly("a", "b");
		assertThat(span.getAttributes().get(AttributeKey.doubleArrayKey("weights"))).containsExactly(1.5);
		assertThat(span.getAttributes().get(AttributeKey.stringKey("other"))).isEqualTo("custom");
		assertThat(span.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey).doesNotContain("absent");
	}

	@Test
	void explicitNameKindAndStaticAttributes() {
		shop.checkout();
		SpanData span = single();
		assertThat(span.getName()).isEqualTo("place-order");
		assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
		assertThat(span.getAttributes().get(AttributeKey.stringKey("component"))).isEqualTo("checkout");
		assertThat(span.getAttributes().get(AttributeKey.stringKey("tier"))).isEqualTo("gold");
	}

	@Test
	void recordsExceptionAndErrorStatusAndRethrowsUnchanged() {
		IOException failure = new IOException("disk full");
		assertThatThrownBy(() -> shop.fail(failure)).isSameAs(failure);
		SpanData span = single();
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(span.getStatus().getDescription()).isEqualTo("disk full");
		assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("java.io.IOException");
		EventData event = span.getEvents().get(0);
		assertThat(event.getName()).isEqualTo("exception");
		assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.type"))).isEqualTo("java.io.IOException");
		assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.message"))).isEqualTo("disk full");
		assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.stacktrace"))).contains("TracedTests");
	}

	@Test
	void anExceptionWithoutMessageLeavesTheStatusWithoutDescription() {
		IOException failure = new IOException();
		assertThatThrownBy(() -> shop.fail(failure)).isSameAs(failure);
		SpanData span = single();
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		// Not "null", nor the class name, which is error.type already.
		assertThat(span.getStatus().getDescription()).isEmpty();
		assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("java.io.IOException");
	}

	@Test
	void nestedCallsAreChildrenAndSpanIsCurrent() {
		String innerTraceId = shop.outer();
		List<SpanData> spans = exporter.getFinishedSpanItems();
		assertThat(spans).hasSize(2);
		SpanData inner = spans.get(0);
		SpanData outer = spans.get(1);
		assertThat(inner.getName()).isEqualTo("inner-shop");
		assertThat(outer.getName()).isEqualTo("outer-shop");
		assertThat(inner.getParentSpanId()).isEqualTo(outer.getSpanId());
		assertThat(inner.getTraceId()).isEqualTo(outer.getTraceId()).isEqualTo(innerTraceId);
	}

	@Test
	void classLevelAnnotationTracesPublicMethodsOnly() {
		invoices.send();
		invoices.toString();
		invoices.hashCode();
		invoices.inherited();
		assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName)
			.containsExactly("send-invoice", "inherited-invoice");
		invoices.callsProtectedHelper();
		assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName).last().isEqualTo("calls-protected-helper");
	}

	@Test
	void completionStageEndsWhenCompleted() {
		CompletableFuture<String> pending = new CompletableFuture<>();
		CompletionStage<String> returned = shop.later(pending);
		assertThat(returned).isSameAs(pending);
		assertThat(exporter.getFinishedSpanItems()).isEmpty();
		pending.completeExceptionally(new IllegalStateException("declined"));
		SpanData span = single();
		assertThat(span.getName()).isEqualTo("later-shop");
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
			.isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void monoEndsOnTerminationAndRecordsFailure() {
		Mono<String> mono = shop.mono(false);
		assertThat(exporter.getFinishedSpanItems()).isEmpty();
		assertThat(mono.block()).isEqualTo("ok");
		assertThat(single().getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
		exporter.reset();
		assertThatThrownBy(() -> shop.mono(true).block()).hasMessage("boom");
		SpanData span = single();
		assertThat(span.getName()).isEqualTo("mono-shop");
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
	}

	@Test
	void fluxEndsOnTermination() {
		Flux<Integer> flux = shop.flux();
		assertThat(exporter.getFinishedSpanItems()).isEmpty();
		assertThat(flux.collectList().block()).containsExactly(1, 2, 3);
		assertThat(single().getName()).isEqualTo("flux-shop");
	}

	@Test
	void untracedMethodsCreateNoSpan() {
		shop.notTraced();
		assertThat(exporter.getFinishedSpanItems()).isEmpty();
	}

	private static SpanData single() {
		List<SpanData> spans = exporter.getFinishedSpanItems();
		assertThat(spans).hasSize(1);
		return spans.get(0);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, SamplingAutoConfiguration.class,
			PropagationAutoConfiguration.class, SpanExportAutoConfiguration.class,
			OpenTelemetrySdkAutoConfiguration.class, TracedAutoConfiguration.class })
	static class TestBeans {

		@Bean
		SpanProcessor inMemory() {
			return SimpleSpanProcessor.create(exporter);
		}

		@Bean
		Shop shop() {
			return new Shop();
		}

		@Bean
		InvoiceServiceImpl invoiceService() {
			return new InvoiceServiceImpl();
		}

	}

	static class Shop {

		@Traced
		public void reserveStock(@SpanAttribute("stock.sku") String sku, @SpanAttribute int quantity) {
		}

		@Traced
		public void describe(@SpanAttribute float price, @SpanAttribute boolean express, @SpanAttribute short count,
				@SpanAttribute int[] ids, @SpanAttribute List<String> tags, @SpanAttribute Set<Double> weights,
				@SpanAttribute Object other, @SpanAttribute String absent) {
		}

		@Traced(name = "place-order", kind = SpanKind.SERVER, attributes = { "component=checkout", "tier = gold" })
		public void checkout() {
		}

		@Traced
		public void fail(IOException failure) throws IOException {
			throw failure;
		}

		@Traced
		public String outer() {
			return shop.inner();
		}

		@Traced
		public String inner() {
			return Span.current().getSpanContext().getTraceId();
		}

		@Traced
		public CompletionStage<String> later(CompletableFuture<String> future) {
			return future;
		}

		@Traced
		public Mono<String> mono(boolean fail) {
			return fail ? Mono.error(new IllegalArgumentException("boom")) : Mono.just("ok");
		}

		@Traced
		public Flux<Integer> flux() {
			return Flux.just(1, 2, 3);
		}

		public void notTraced() {
		}

	}

	static class InvoiceBase {

		public void inherited() {
		}

	}

	@Traced
	static class InvoiceServiceImpl extends InvoiceBase {

		public void send() {
		}

		public void callsProtectedHelper() {
			helper();
		}

		protected void helper() {
		}

		@Override
		public String toString() {
			return "invoices";
		}

	}

}
