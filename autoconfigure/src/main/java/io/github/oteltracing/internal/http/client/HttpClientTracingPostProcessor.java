package io.github.oteltracing.internal.http.client;

import java.util.List;

import io.opentelemetry.api.OpenTelemetry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Adds the tracing interceptor to every {@code RestTemplate}, {@code RestClient} and
 * {@code RestClient.Builder} bean, and the tracing filter to every {@code WebClient} and
 * {@code WebClient.Builder} bean; clients built from such builders inherit it. It is
 * added only where it is missing, so a client that passes through several of these
 * paths is still traced once.
 */
public final class HttpClientTracingPostProcessor implements BeanPostProcessor {

	private static final boolean restClientPresent = ClassUtils.isPresent("org.springframework.web.client.RestClient",
			HttpClientTracingPostProcessor.class.getClassLoader());

	private static final boolean webClientPresent = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClient",
			HttpClientTracingPostProcessor.class.getClassLoader());

	private final ObjectProvider<OpenTelemetry> openTelemetry;

	private volatile TracingClientHttpRequestInterceptor interceptor;

	/**
	 * Creates the post-processor.
	 * @param openTelemetry the SDK, looked up only when a client is first traced
	 */
	public HttpClientTracingPostProcessor(ObjectProvider<OpenTelemetry> openTelemetry) {
		this.openTelemetry = openTelemetry;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof RestTemplate restTemplate) {
			addIfMissing(restTemplate.getInterceptors());
			return bean;
		}
		if (restClientPresent) {
			if (bean instanceof RestClient.Builder builder) {
				builder.requestInterceptors(this::addIfMissing);
				return bean;
			}
			if (bean instanceof RestClient restClient) {
				return restClient.mutate().requestInterceptors(this::addIfMissing).build();
			}
		}
		if (webClientPresent) {
			return WebClients.trace(bean, this.openTelemetry);
		}
		return bean;
	}

	/**
	 * Traces a {@code RestTemplate} that is not a bean, such as one from Spring Boot's
	 * {@code RestTemplateBuilder}.
	 * @param restTemplate the client
	 */
	public void trace(RestTemplate restTemplate) {
		addIfMissing(restTemplate.getInterceptors());
	}

	/**
	 * Adds the interceptor unless one is there already.
	 * @param interceptors a client's interceptors, modified in place
	 */
	void addIfMissing(List<ClientHttpRequestInterceptor> interceptors) {
		for (ClientHttpRequestInterceptor existing : interceptors) {
			if (existing instanceof TracingClientHttpRequestInterceptor) {
				return;
			}
		}
		interceptors.add(interceptor());
	}

	private TracingClientHttpRequestInterceptor interceptor() {
		TracingClientHttpRequestInterceptor interceptor = this.interceptor;
		if (interceptor == null) {
			interceptor = new TracingClientHttpRequestInterceptor(this.openTelemetry.getObject());
			this.interceptor = interceptor;
		}
		return interceptor;
	}

}
