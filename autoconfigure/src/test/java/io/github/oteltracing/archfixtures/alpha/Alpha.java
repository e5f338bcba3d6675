package io.github.oteltracing.archfixtures.alpha;

import io.github.oteltracing.archfixtures.beta.Beta;

/**
 * Breaks "no package cycles", with {@link Beta}.
 */
public class Alpha {

	Beta beta;

}
