package io.github.oteltracing.archfixtures.sdk;

/**
 * Breaks nothing.
 */
public class PlainCapability {

}
