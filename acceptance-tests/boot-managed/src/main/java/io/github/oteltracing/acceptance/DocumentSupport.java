package io.github.oteltracing.acceptance;

/**
 * Behaviour shared by document services; its public methods are traced on subclasses
 * annotated at type level.
 */
public abstract class DocumentSupport {

	public boolean archive(String documentId) {
		return documentId != null;
	}

}
