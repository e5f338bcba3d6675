package io.github.oteltracing.archfixtures.beta;

import io.github.oteltracing.archfixtures.alpha.Alpha;

/**
 * Breaks "no package cycles", with {@link Alpha}.
 */
public class Beta {

	Alpha alpha;

}
