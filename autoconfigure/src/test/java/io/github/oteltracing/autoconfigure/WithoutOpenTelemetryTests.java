package io.github.oteltracing.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.internal.http.client.HttpClientTracingPostProcessor;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that leaves out the starter's SDK auto-configuration, and so has no
 * {@link OpenTelemetry} bean: {@code @Traced} methods and HTTP clients work untraced,
 * instead of failing at start-up or on the first call.
 */
class WithoutOpenTelemetryTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(TracingAutoConfigurationsSupport.registeredExcept(OpenTelemetrySdkAutoConfiguration.class));

	@Test
	void tracedMethodsAndHttpClientsWorkUntraced() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/ping", (exchange) -> {
			byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ping";
		try {
			this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(OpenTelemetry.class)
					.doesNotHaveBean(Advisor.class)
					.doesNotHaveBean(HttpClientTracingPostProcessor.class);
				Work work = context.getBean(Work.class);
				assertThat(AopUtils.isAopProxy(work)).isFalse();
				assertThat(work.work()).isEqualTo("done");
				assertThat(context.getBean(RestTemplate.class).getForObject(url, String.class)).isEqualTo("pong");
				assertThat(context.getBean(RestClient.class).get().uri(url).retrieve().body(String.class))
					.isEqualTo("pong");
			});
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void aUsersOpenTelemetryIsUsedWhereTheStartersSdkIsLeftOut() {
		this.runner.withUserConfiguration(UserBeans.class, UserOpenTelemetry.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(HttpClientTracingPostProcessor.class)
				.hasBean("tracedMethodAdvisor"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		Work work() {
			return new Work();
		}

		@Bean
		RestTemplate restTemplate() {
			return new RestTemplate();
		}

		@Bean
		RestClient restClient() {
			return RestClient.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOpenTelemetry {

		@Bean
		OpenTelemetry userOpenTelemetry() {
			return OpenTelemetry.noop();
		}

	}

	static class Work {

		@Traced
		public String work() {
			return "done";
		}

	}

}
