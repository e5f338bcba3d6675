package io.github.oteltracing.internal.traced;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import io.github.oteltracing.autoconfigure.PropagationAutoConfiguration;
import io.github.oteltracing.autoconfigure.SamplingAutoConfiguration;
import io.github.oteltracing.autoconfigure.SpanExportAutoConfiguration;
import io.github.oteltracing.autoconfigure.TracedAutoConfiguration;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @Traced} through the real auto-configuration and a real Spring AOP proxy; spans
 * end in an in-memory exporter. One context for the whole class.
 */
class TracedTests {

	static final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	static final List<String> started = new CopyOnWriteArrayList<>();

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
		started.clear();
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
	void throwingToStringNeverReachesTheCaller() {
		Object hostile = new Object() {
			@Override
			public String toString() {
				throw new IllegalStateException("no toString today");
			}
		};
		assertThat(shop.echo(hostile)).isSameAs(hostile);
		SpanData span = single();
		assertThat(span.getName()).isEqualTo("echo-shop");
		assertThat(span.getAttributes().get(AttributeKey.stringKey("value"))).isNull();
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
	}

	@Test
	void collectionThatFailsToIterateNeverReachesTheCaller() {
		Collection<String> hostile = new AbstractCollection<>() {
			@Override
			public Iterator<String> iterator() {
				throw new UnsupportedOperationException("not iterable");
			}

			@Override
			public int size() {
				throw new UnsupportedOperationException("no size either");
			}
		};
		assertThat(shop.tags(hostile, "next")).isEqualTo("next");
		SpanData span = single();
		assertThat(span.getAttributes().get(AttributeKey.stringArrayKey("tags"))).isNull();
		assertThat(span.getAttributes().get(AttributeKey.stringKey("label"))).isEqualTo("next");
	}

	@Test
	void boundsCollectionsArraysAndStrings() {
		String huge = "x".repeat(100_000);
		List<String> many = Collections.nCopies(100_000, huge);
		shop.describe(1f, false, (short) 1, new int[100_000], many, Set.of(), new Object() {
			@Override
			public String toString() {
				return huge;
			}
		}, huge);
		SpanData span = single();
		assertThat(span.getAttributes().get(AttributeKey.longArrayKey("ids"))).hasSize(128);
		List<String> tags = span.getAttributes().get(AttributeKey.stringArrayKey("tags"));
		assertThat(tags).hasSize(128);
		assertThat(tags.get(0)).hasSize(4096);
		assertThat(span.getAttributes().get(AttributeKey.stringKey("other"))).hasSize(4096);
		assertThat(span.getAttributes().get(AttributeKey.stringKey("absent"))).hasSize(4096);
	}

	@Test
	void completionStageCancelledByTheCallerEndsItsSpanWithoutError() {
		CompletableFuture<String> pending = new CompletableFuture<>();
		shop.later(pending);
		pending.cancel(false);
		SpanData span = single();
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
		assertThat(span.getEvents()).isEmpty();
	}

	@Test
	void completionStageThatRefusesCallbacksIsReturnedAndItsSpanEnds() {
		CompletionStage<?> refusing = (CompletionStage<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { CompletionStage.class }, (proxy, method, arguments) -> {
					throw new UnsupportedOperationException(method.getName());
				});
		assertThat((Object) shop.stage(refusing)).isSameAs(refusing);
		assertThat(single().getName()).isEqualTo("stage-shop");
	}

	@Test
	void publisherNeverSubscribedStartsNoSpan() {
		shop.mono(false);
		shop.flux();
		assertThat(started).isEmpty();
		assertThat(exporter.getFinishedSpanItems()).isEmpty();
	}

	@Test
	void eachSubscriptionGetsItsOwnSpan() {
		Mono<String> mono = shop.mono(false);
		mono.block();
		mono.block();
		Flux<Integer> flux = shop.flux();
		flux.blockLast();
		flux.blockLast();
		List<SpanData> spans = exporter.getFinishedSpanItems();
		assertThat(spans).extracting(SpanData::getName).containsExactly("mono-shop", "mono-shop", "flux-shop", "flux-shop");
		assertThat(spans).extracting(SpanData::getSpanId).doesNotHaveDuplicates();
		assertThat(started).hasSize(4);
	}

	@Test
	void publisherSpanIsChildOfTheSubscriberAndParentOfWorkDoneAtSubscription() {
		assertPublisherSpanIsChildOfSubscriberAndParentOfWorkDoneAtSubscription();
	}

	@Test
	void publisherSpanUnderReactorAutomaticContextPropagation() {
		// What the starter sets up in reactive applications; like Spring Boot, never undone.
		Hooks.enableAutomaticContextPropagation();
		assertPublisherSpanIsChildOfSubscriberAndParentOfWorkDoneAtSubscription();
	}

	private void assertPublisherSpanIsChildOfSubscriberAndParentOfWorkDoneAtSubscription() {
		Mono<String> mono = shop.monoCallingInner();
		Tracer tracer = context.getBean(OpenTelemetry.class).getTracer("test");
		Span subscriber = tracer.spanBuilder("subscriber").startSpan();
		String innerTraceId;
		try (Scope scope = subscriber.makeCurrent()) {
			innerTraceId = mono.block();
		}
		finally {
			subscriber.end();
		}
		List<SpanData> spans = exporter.getFinishedSpanItems();
		assertThat(spans).extracting(SpanData::getName).containsExactly("inner-shop", "mono-calling-inner", "subscriber");
		assertThat(spans.get(0).getParentSpanId()).isEqualTo(spans.get(1).getSpanId());
		assertThat(spans.get(1).getParentSpanId()).isEqualTo(spans.get(2).getSpanId());
		assertThat(innerTraceId).isEqualTo(subscriber.getSpanContext().getTraceId());
	}

	@Test
	void cancelledPublisherEndsItsSpanOnceWithoutError() {
		shop.endless().take(2).blockLast(Duration.ofSeconds(10));
		assertThat(started).hasSize(1);
		SpanData span = single();
		assertThat(span.getName()).isEqualTo("endless-shop");
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
	}

	@Test
	void publisherThatFailsAtAssemblyRecordsTheFailure() {
		IllegalStateException failure = new IllegalStateException("no publisher");
		assertThatThrownBy(() -> shop.monoThrowing(failure)).isSameAs(failure);
		SpanData span = single();
		assertThat(span.getName()).isEqualTo("mono-throwing");
		assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
	}

	@Test
	void jdkProxyIsNamedAfterTheUserInterface() {
		GreetingRepository greetings = context.getBean(GreetingRepository.class);
		greetings.greet();
		greetings.findByName("ann");
		greetings.toString();
		assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName)
			.containsExactly("greet-greeting", "find-by-name");
	}

	@Test
	void oneWordMethodNamedLikeItsClassIsJustThatWord() {
		context.getBean(WelcomeController.class).welcome();
		assertThat(single().getName()).isEqualTo("welcome");
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
		SpanProcessor startCounter() {
			return new StartedSpans();
		}

		@Bean
		WelcomeController welcomeController() {
			return new WelcomeController();
		}

		@Bean
		GreetingRepository greetingRepository() {
			// A JDK proxy of an interface, as Spring Data makes for repositories.
			ProxyFactory factory = new ProxyFactory(GreetingRepository.class,
					(MethodInterceptor) (invocation) -> switch (invocation.getMethod().getName()) {
						case "greet" -> "hello";
						case "findByName" -> invocation.getArguments()[0];
						default -> "greetings";
					});
			return (GreetingRepository) factory.getProxy(ClassUtils.getDefaultClassLoader());
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
		public CompletionStage<?> stage(CompletionStage<?> stage) {
			return stage;
		}

		@Traced
		public Mono<String> mono(boolean fail) {
			return fail ? Mono.error(new IllegalArgumentException("boom")) : Mono.just("ok");
		}

		@Traced
		public Flux<Integer> flux() {
			return Flux.just(1, 2, 3);
		}

		@Traced
		public Mono<String> monoCallingInner() {
			return Mono.fromCallable(() -> shop.inner());
		}

		@Traced
		public Flux<Long> endless() {
			return Flux.interval(Duration.ofMillis(1));
		}

		@Traced
		public Mono<String> monoThrowing(IllegalStateException failure) {
			throw failure;
		}

		@Traced
		public Object echo(@SpanAttribute Object value) {
			return value;
		}

		@Traced
		public String tags(@SpanAttribute Collection<String> tags, @SpanAttribute String label) {
			return label;
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

	@Traced
	public interface GreetingRepository {

		String greet();

		String findByName(String name);

	}

	static class WelcomeController {

		@Traced
		public String welcome() {
			return "welcome";
		}

	}

	static class StartedSpans implements SpanProcessor {

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
			started.add(span.getName());
		}

		@Override
		public boolean isStartRequired() {
			return true;
		}

		@Override
		public void onEnd(ReadableSpan span) {
		}

		@Override
		public boolean isEndRequired() {
			return false;
		}

	}

}
