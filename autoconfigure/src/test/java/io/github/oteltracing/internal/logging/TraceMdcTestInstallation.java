package io.github.oteltracing.internal.logging;

import io.github.oteltracing.logging.TraceMdc;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs {@link TraceMdc} when the test run starts, as the environment post-processor
 * does when an application starts: the storage wrapper is accepted only before the first
 * test touches the OpenTelemetry context, and test classes run in any order in one JVM.
 * {@link TraceMdcStartupTests} proves the application path in a JVM of its own.
 */
public class TraceMdcTestInstallation implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		TraceMdc.install();
	}

}
