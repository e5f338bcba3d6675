package io.github.oteltracing.internal.jdbc;

/**
 * A data source with a final method, which a subclass would run on its own, empty,
 * fields instead of the data source's.
 */
public class FinalMethodStubDataSource extends StubDataSource {

	private final String name = "stub";

	/**
	 * The data source's name.
	 * @return the name
	 */
	public final String name() {
		return this.name;
	}

}
