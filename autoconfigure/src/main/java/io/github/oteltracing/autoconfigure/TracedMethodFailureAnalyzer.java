package io.github.oteltracing.autoconfigure;

import io.github.oteltracing.traced.InvalidTracedMethodException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@code @Traced} method that cannot be traced: which method, what is wrong
 * with it and how to write it.
 */
class TracedMethodFailureAnalyzer extends AbstractFailureAnalyzer<InvalidTracedMethodException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidTracedMethodException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
