package io.github.oteltracing.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import io.github.oteltracing.sink.ReceivedSpan;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;

/**
 * Renders one trace as a text waterfall: a row per span, children indented under their
 * parent, with the start offset and duration in milliseconds, a timeline bar and the
 * status, and the {@code customer.id} a span carries.
 *
 * <pre>
 * SERVICE        SPAN               KIND      START  DURATION  TIMELINE  STATUS
 * order-service  POST /orders       server   0.0 ms    142 ms  |######|  201
 * order-service  `- create-order             3.0 ms    136 ms  | #####|
 * </pre>
 *
 * (with a 30 characters wide timeline, and box-drawing characters where the terminal
 * takes them).
 */
public final class Waterfall {

	/**
	 * The characters to draw with.
	 */
	public enum Glyphs {

		/** Box-drawing characters and full blocks, for UTF-8 terminals. */
		UNICODE("├─ ", "└─ ", "│  ", '█'),

		/** Plain ASCII, for terminals of any encoding. */
		ASCII("+- ", "`- ", "|  ", '#');

		private final String branch;

		private final String lastBranch;

		private final String pipe;

		private final char bar;

		Glyphs(String branch, String lastBranch, String pipe, char bar) {
			this.branch = branch;
			this.lastBranch = lastBranch;
			this.pipe = pipe;
			this.bar = bar;
		}

	}

	private static final String HTTP_STATUS_KEY = io.opentelemetry.semconv.HttpAttributes.HTTP_RESPONSE_STATUS_CODE.getKey();

	// The business context the samples carry in baggage (tracing.baggage.tag-fields).
	private static final String CUSTOMER_ID_KEY = "customer.id";

	private static final int TIMELINE_WIDTH = 30;

	private static final int MAX_MESSAGE = 70;

	private final Glyphs glyphs;

	public Waterfall(Glyphs glyphs) {
		this.glyphs = glyphs;
	}

	/**
	 * Renders the spans of one trace.
	 * @param trace the spans, in any order
	 * @return the waterfall, one line per span after a header line, each ending with a
	 * line break
	 */
	public String render(Collection<ReceivedSpan> trace) {
		if (trace.isEmpty()) {
			return "(no spans)\n";
		}
		SpanTree tree = SpanTree.of(trace);
		List<Row> rows = new ArrayList<>();
		for (ReceivedSpan root : tree.roots()) {
			addRows(tree, root, "", true, true, rows);
		}
		long start = trace.stream().mapToLong(ReceivedSpan::startEpochNanos).min().getAsLong();
		long end = trace.stream().mapToLong(ReceivedSpan::endEpochNanos).max().getAsLong();
		long total = Math.max(1, end - start);
		int serviceWidth = width("SERVICE", rows.stream().map(Row::service));
		int spanWidth = width("SPAN", rows.stream().map(Row::label));
		String format = "%-" + serviceWidth + "s  %-" + spanWidth + "s  %-6s  %8s  %8s  %-" + (TIMELINE_WIDTH + 2)
				+ "s  %s";
		StringBuilder out = new StringBuilder();
		out.append(header(trace, total)).append('\n');
		out.append(line(format, "SERVICE", "SPAN", "KIND", "START", "DURATION", "TIMELINE", "STATUS"));
		for (Row row : rows) {
			ReceivedSpan span = row.span();
			long offset = span.startEpochNanos() - start;
			long duration = span.endEpochNanos() - span.startEpochNanos();
			out.append(line(format, row.service(), row.label(), kind(span), millis(offset), millis(duration),
					timeline(offset, duration, total), status(span) + context(span)));
		}
		return out.toString();
	}

	private static int width(String heading, Stream<String> values) {
		return Math.max(heading.length(), values.mapToInt(String::length).max().orElse(0));
	}

	private static String line(String format, Object... columns) {
		return String.format(format, columns).stripTrailing() + "\n";
	}

	private void addRows(SpanTree tree, ReceivedSpan span, String indent, boolean last, boolean root, List<Row> rows) {
		String label = root ? span.name() : indent + (last ? this.glyphs.lastBranch : this.glyphs.branch) + span.name();
		rows.add(new Row(span, (span.serviceName() != null) ? span.serviceName() : "?", label));
		String childIndent = root ? "" : indent + (last ? "   " : this.glyphs.pipe);
		List<ReceivedSpan> children = tree.children(span);
		for (int i = 0; i < children.size(); i++) {
			addRows(tree, children.get(i), childIndent, i == children.size() - 1, false, rows);
		}
	}

	private static String header(Collection<ReceivedSpan> trace, long total) {
		Set<String> services = new LinkedHashSet<>();
		trace.stream()
			.sorted((a, b) -> Long.compare(a.startEpochNanos(), b.startEpochNanos()))
			.forEach((span) -> services.add(String.valueOf(span.serviceName())));
		ReceivedSpan any = trace.iterator().next();
		return "trace " + any.traceId() + "  " + trace.size() + " spans, " + services.size() + " services ("
				+ String.join(", ", services) + "), " + millis(total).strip();
	}

	private static String kind(ReceivedSpan span) {
		SpanKind kind = span.kind();
		if (kind == SpanKind.SPAN_KIND_INTERNAL || kind == SpanKind.SPAN_KIND_UNSPECIFIED) {
			return "";
		}
		return kind.name().substring("SPAN_KIND_".length()).toLowerCase(Locale.ROOT);
	}

	private static String millis(long nanos) {
		double millis = nanos / 1_000_000.0;
		// Tenths only where they matter: "0.4 ms", but "143 ms".
		return (millis < 10) ? String.format(Locale.ROOT, "%.1f ms", millis)
				: String.format(Locale.ROOT, "%d ms", Math.round(millis));
	}

	private String timeline(long offset, long duration, long total) {
		int from = (int) Math.min(TIMELINE_WIDTH - 1, offset * TIMELINE_WIDTH / total);
		int to = (int) Math.min(TIMELINE_WIDTH, ((offset + duration) * TIMELINE_WIDTH + total - 1) / total);
		StringBuilder bar = new StringBuilder(TIMELINE_WIDTH + 2).append('|');
		for (int i = 0; i < TIMELINE_WIDTH; i++) {
			bar.append((i >= from && i < Math.max(to, from + 1)) ? this.glyphs.bar : ' ');
		}
		return bar.append('|').toString();
	}

	private static String status(ReceivedSpan span) {
		List<String> parts = new ArrayList<>();
		Object httpStatus = span.attribute(HTTP_STATUS_KEY);
		if (httpStatus != null) {
			parts.add(httpStatus.toString());
		}
		if (span.statusCode() == StatusCode.STATUS_CODE_ERROR) {
			parts.add("ERROR");
			String message = span.statusMessage();
			if (!message.isEmpty()) {
				parts.add((message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE - 3) + "..." : message);
			}
		}
		return String.join(" ", parts);
	}

	private static String context(ReceivedSpan span) {
		Object customerId = span.attribute(CUSTOMER_ID_KEY);
		return (customerId != null) ? "  " + CUSTOMER_ID_KEY + "=" + customerId : "";
	}

	private record Row(ReceivedSpan span, String service, String label) {
	}

}
