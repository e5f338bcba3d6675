/**
 * Test support: {@link io.github.oteltracing.test.AutoConfigureTracingCapture} on a Spring
 * Boot test captures the spans the application makes, and
 * {@link io.github.oteltracing.test.CapturedSpans} hands them to AssertJ assertions
 * ({@code io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions}).
 */
package io.github.oteltracing.test;
