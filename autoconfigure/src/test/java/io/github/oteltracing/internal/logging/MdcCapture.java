package io.github.oteltracing.internal.logging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * A Logback appender that keeps each event's message, thread and MDC as they were when
 * it was logged (Logback reads the MDC lazily, on whichever thread asks).
 */
public final class MdcCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private final Logger logger;

	private final List<Captured> events = new CopyOnWriteArrayList<>();

	private MdcCapture(Logger logger) {
		this.logger = logger;
	}

	/**
	 * Starts capturing the events of one logger.
	 * @param name the logger name
	 * @return the running capture; close it to detach
	 */
	public static MdcCapture attach(String name) {
		Logger logger = (Logger) LoggerFactory.getLogger(name);
		MdcCapture capture = new MdcCapture(logger);
		capture.setContext(logger.getLoggerContext());
		capture.start();
		logger.setLevel(Level.INFO);
		logger.addAppender(capture);
		return capture;
	}

	@Override
	protected void append(ILoggingEvent event) {
		this.events.add(new Captured(event.getFormattedMessage(), event.getThreadName(),
				Map.copyOf(event.getMDCPropertyMap())));
	}

	public List<Captured> events() {
		return this.events;
	}

	/**
	 * The MDC of the only event with this message.
	 * @param message the message
	 * @return its MDC
	 */
	public Map<String, String> mdc(String message) {
		return event(message).mdc();
	}

	public Captured event(String message) {
		List<Captured> matching = this.events.stream().filter((event) -> event.message().equals(message)).toList();
		if (matching.size() != 1) {
			throw new AssertionError("Expected one event '" + message + "' but got " + this.events);
		}
		return matching.get(0);
	}

	@Override
	public void close() {
		this.logger.detachAppender(this);
		stop();
	}

	public record Captured(String message, String thread, Map<String, String> mdc) {

	}

}
