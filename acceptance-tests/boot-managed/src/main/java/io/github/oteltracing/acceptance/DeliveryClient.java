package io.github.oteltracing.acceptance;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Asynchronous calls: each result completes on another thread after {@link #LATENCY}, so
 * a span that ended on return would be visibly too short.
 */
@Component
public class DeliveryClient {

	static final Duration LATENCY = Duration.ofMillis(200);

	@Traced
	public CompletableFuture<String> schedule(@SpanAttribute("order.id") String orderId) {
		return CompletableFuture.supplyAsync(() -> "delivery-" + orderId, later());
	}

	@Traced
	public CompletableFuture<String> cancel(@SpanAttribute("order.id") String orderId) {
		return CompletableFuture.supplyAsync(() -> {
			throw new IllegalStateException("Delivery for " + orderId + " already left");
		}, later());
	}

	@Traced
	public Mono<String> trackParcel(@SpanAttribute("parcel.id") String parcelId) {
		return Mono.delay(LATENCY).map((tick) -> "in-transit:" + parcelId);
	}

	@Traced
	public Mono<String> locate(@SpanAttribute("parcel.id") String parcelId) {
		return Mono.delay(LATENCY).flatMap((tick) -> Mono.error(new ParcelLostException("Parcel " + parcelId + " is lost")));
	}

	@Traced
	public Flux<String> listStops(@SpanAttribute("parcel.id") String parcelId) {
		return Flux.just("depot", "hub", "door").delayElements(LATENCY.dividedBy(3));
	}

	private static Executor later() {
		return CompletableFuture.delayedExecutor(LATENCY.toMillis(), TimeUnit.MILLISECONDS);
	}

}
