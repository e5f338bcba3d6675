package io.github.oteltracing.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * Captures the spans the application under test makes, in memory, for assertions: a
 * {@link CapturedSpans} bean to inject. Spans are captured as they end, synchronously
 * and redacted as the exporter would send them, so a span that ended before a request
 * returned is there when it returns; {@link CapturedSpans#awaitSpan(String)} waits for
 * one that ends later (a server span, work on another thread). The capture is emptied
 * before each test method.
 * <p>
 * The starter's own exporter is switched off ({@code tracing.exporter.type=none}), so no
 * collector is needed; a test that sets {@code tracing.exporter.type} in
 * {@code @SpringBootTest(properties = ...)} keeps its own.
 * <pre class="code">
 * &#064;SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * &#064;AutoConfigureTracingCapture
 * class CheckoutTracingTests {
 *
 *     &#064;Autowired
 *     CapturedSpans spans;
 *
 *     &#064;Test
 *     void checkoutIsTraced(&#064;Autowired TestRestTemplate rest) {
 *         rest.postForEntity("/checkout", order, Void.class);
 *         SpanData server = spans.awaitSpan("POST /checkout");
 *         assertThat(spans.awaitSpan("reserve-stock")).hasParent(server);
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@TestPropertySource(properties = "tracing.exporter.type=none")
public @interface AutoConfigureTracingCapture {

}
