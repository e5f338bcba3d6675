package io.github.oteltracing.internal.jdbc;

/**
 * A data source of a final class, which no subclass can wrap.
 */
public final class FinalStubDataSource extends StubDataSource {

}
