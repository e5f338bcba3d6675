package io.github.oteltracing.internal.http.client;

import java.util.List;

import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The WebClient side of {@link HttpClientTracingPostProcessor}, in its own class so that
 * applications without WebFlux never load WebClient types.
 */
final class WebClients {

	private WebClients() {
	}

	static Object trace(Object bean, ObjectProvider<OpenTelemetry> openTelemetry) {
		if (bean instanceof WebClient.Builder builder) {
			builder.filters((filters) -> addIfMissing(filters, openTelemetry));
			return bean;
		}
		if (bean instanceof WebClient webClient) {
			return webClient.mutate().filters((filters) -> addIfMissing(filters, openTelemetry)).build();
		}
		return bean;
	}

	static void addIfMissing(List<ExchangeFilterFunction> filters, ObjectProvider<OpenTelemetry> openTelemetry) {
		for (ExchangeFilterFunction existing : filters) {
			if (existing instanceof TracingExchangeFilterFunction) {
				return;
			}
		}
		filters.add(new TracingExchangeFilterFunction(openTelemetry.getObject()));
	}

}
