package io.github.oteltracing.testing;

import java.lang.management.ManagementFactory;

/**
 * Bytes a piece of code allocates on the calling thread, for tests of hot paths that
 * promise to allocate nothing per call.
 */
public final class Allocations {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private Allocations() {
	}

	/**
	 * Runs the code a number of times after as many runs to warm up, and returns the bytes
	 * the measured runs allocated on this thread.
	 * @param times how many runs to measure
	 * @param code the code
	 * @return bytes allocated
	 */
	public static long allocatedBy(int times, Runnable code) {
		for (int i = 0; i < times; i++) {
			code.run();
		}
		long before = THREADS.getCurrentThreadAllocatedBytes();
		for (int i = 0; i < times; i++) {
			code.run();
		}
		return THREADS.getCurrentThreadAllocatedBytes() - before;
	}

}
