package io.github.oteltracing.archfixtures.sdk;

import org.springframework.context.SmartLifecycle;

/**
 * Breaks "lifecycle beans live with the wiring".
 */
public class CapabilityWithLifecycle implements SmartLifecycle {

	@Override
	public void start() {
	}

	@Override
	public void stop() {
	}

	@Override
	public boolean isRunning() {
		return false;
	}

}
