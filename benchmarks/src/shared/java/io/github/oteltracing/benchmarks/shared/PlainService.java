package io.github.oteltracing.benchmarks.shared;

/**
 * A bean of an application, proxied for {@link PassThroughAspect}; no tracing.
 */
public class PlainService {

	public long work(long input) {
		return Work.compute(input);
	}

}
