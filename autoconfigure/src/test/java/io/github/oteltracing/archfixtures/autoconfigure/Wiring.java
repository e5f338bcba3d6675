package io.github.oteltracing.archfixtures.autoconfigure;

import io.github.oteltracing.archfixtures.sdk.PlainCapability;

/**
 * Breaks nothing: the wiring may use capabilities.
 */
public class Wiring {

	PlainCapability capability = new PlainCapability();

}
