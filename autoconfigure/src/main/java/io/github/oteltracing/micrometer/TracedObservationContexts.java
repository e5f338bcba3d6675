package io.github.oteltracing.micrometer;

import java.util.Set;

/**
 * Observation context types whose spans one of the starter's instrumentations makes
 * itself, so that Micrometer's tracing handlers make none (they keep producing metrics).
 * @param typeNames fully qualified names of {@code Observation.Context} classes
 */
public record TracedObservationContexts(Set<String> typeNames) {

}
