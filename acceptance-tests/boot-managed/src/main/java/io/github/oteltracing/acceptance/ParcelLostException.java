package io.github.oteltracing.acceptance;

public class ParcelLostException extends RuntimeException {

	public ParcelLostException(String message) {
		super(message);
	}

}
