package io.github.oteltracing.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.oteltracing.sink.ReceivedSpan;

/**
 * The spans of one trace arranged by parent, siblings in start order.
 */
public final class SpanTree {

	private static final Comparator<ReceivedSpan> BY_START = Comparator.comparingLong(ReceivedSpan::startEpochNanos)
		.thenComparing(ReceivedSpan::name);

	private final List<ReceivedSpan> roots;

	private final Map<String, List<ReceivedSpan>> children;

	private SpanTree(List<ReceivedSpan> roots, Map<String, List<ReceivedSpan>> children) {
		this.roots = roots;
		this.children = children;
	}

	/**
	 * Arranges spans. A span whose parent is not among them (its parent was lost, or came
	 * from a service that is not instrumented) counts as a root.
	 * @param spans the spans of one trace
	 * @return the tree
	 */
	public static SpanTree of(Collection<ReceivedSpan> spans) {
		Set<String> ids = new HashSet<>();
		spans.forEach((span) -> ids.add(span.spanId()));
		List<ReceivedSpan> roots = new ArrayList<>();
		Map<String, List<ReceivedSpan>> children = new HashMap<>();
		for (ReceivedSpan span : spans) {
			if (ids.contains(span.parentSpanId())) {
				children.computeIfAbsent(span.parentSpanId(), (id) -> new ArrayList<>()).add(span);
			}
			else {
				roots.add(span);
			}
		}
		roots.sort(BY_START);
		children.values().forEach((siblings) -> siblings.sort(BY_START));
		return new SpanTree(List.copyOf(roots), children);
	}

	/**
	 * Returns the spans without a parent in the tree, in start order.
	 * @return the roots
	 */
	public List<ReceivedSpan> roots() {
		return this.roots;
	}

	/**
	 * Returns the direct children of a span, in start order.
	 * @param span a span of the tree
	 * @return its children, possibly none
	 */
	public List<ReceivedSpan> children(ReceivedSpan span) {
		return this.children.getOrDefault(span.spanId(), List.of());
	}

}
