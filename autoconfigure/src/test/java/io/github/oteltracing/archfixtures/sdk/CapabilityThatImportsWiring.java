package io.github.oteltracing.archfixtures.sdk;

import io.github.oteltracing.archfixtures.autoconfigure.Wiring;

/**
 * Breaks "capabilities never import the wiring".
 */
public class CapabilityThatImportsWiring {

	Wiring wiring;

}
