package io.github.oteltracing.archfixtures.annotation;

import io.github.oteltracing.archfixtures.sdk.PlainCapability;

/**
 * Breaks "annotation imports nothing else of the project".
 */
public class AnnotationSupportThatImportsACapability {

	PlainCapability capability;

}
