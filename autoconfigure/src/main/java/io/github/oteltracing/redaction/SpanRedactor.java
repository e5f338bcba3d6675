package io.github.oteltracing.redaction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * Removes secrets from finished spans: the values of span, event, link and resource
 * attributes whose key matches one of the secret names (by name segments, see
 * {@link Secrets}) are masked, hashed or dropped, and URLs ({@code url.full} and every
 * key whose last segment is {@code url} or {@code uri}), {@code url.path} and
 * {@code url.query} lose credentials and the values of secret query and path parameters.
 * Spans that need nothing are returned as they are, without
 * allocation. Thread-safe.
 */
public final class SpanRedactor {

	private final AttributeRedaction attributes;

	// Spans of one tracer provider share one resource: it is redacted once, not per span.
	// A resource redacted already is known as such, so that it is never redacted twice
	// (a hash of a hash). Applications have one or two resources; more are not cached.
	private static final int MAX_CACHED_RESOURCES = 8;

	private volatile RedactedResource[] resources = new RedactedResource[0];

	/**
	 * Creates a redactor.
	 * @param secretNames keys that mark a value as secret where they match whole segments
	 * of its name, for example {@code token} or {@code api-key}
	 * @param mode what becomes of a secret value
	 */
	public SpanRedactor(Collection<String> secretNames, RedactionMode mode) {
		this.attributes = new AttributeRedaction(new Secrets(secretNames, mode));
	}

	/**
	 * Redacts a batch of spans.
	 * @param spans the finished spans
	 * @return the same collection if no span needed redaction, else a new list
	 */
	public Collection<SpanData> redact(Collection<SpanData> spans) {
		AttributeRedaction.Pass pass = this.attributes.pass();
		List<SpanData> redacted = null;
		int index = 0;
		for (SpanData span : spans) {
			SpanData result = redact(pass, span);
			if (result != span && redacted == null) {
				redacted = new ArrayList<>(spans.size());
				Iterator<SpanData> unchanged = spans.iterator();
				for (int i = 0; i < index; i++) {
					redacted.add(unchanged.next());
				}
			}
			if (redacted != null) {
				redacted.add(result);
			}
			index++;
		}
		return (redacted != null) ? redacted : spans;
	}

	/**
	 * Redacts one span.
	 * @param span the finished span
	 * @return the same span if it needed no redaction
	 */
	public SpanData redact(SpanData span) {
		return redact(this.attributes.pass(), span);
	}

	/**
	 * Redacts the attributes of a resource.
	 * @param resource the resource
	 * @return the same resource if it needed no redaction
	 */
	public Resource redact(Resource resource) {
		return redact(this.attributes.pass(), resource);
	}

	private Resource redact(AttributeRedaction.Pass pass, Resource resource) {
		for (RedactedResource known : this.resources) {
			if (known.original() == resource || known.redacted() == resource) {
				return known.redacted();
			}
		}
		Attributes attributes = pass.redact(resource.getAttributes());
		Resource redacted = (attributes != resource.getAttributes())
				? Resource.create(attributes, resource.getSchemaUrl()) : resource;
		remember(new RedactedResource(resource, redacted));
		return redacted;
	}

	private synchronized void remember(RedactedResource redacted) {
		RedactedResource[] known = this.resources;
		if (known.length < MAX_CACHED_RESOURCES) {
			RedactedResource[] more = Arrays.copyOf(known, known.length + 1);
			more[known.length] = redacted;
			this.resources = more;
		}
	}

	private SpanData redact(AttributeRedaction.Pass pass, SpanData span) {
		Resource resource = redact(pass, span.getResource());
		Attributes attributes = pass.redact(span.getAttributes());
		List<EventData> events = redactEvents(pass, span.getEvents());
		List<LinkData> links = redactLinks(pass, span.getLinks());
		if (resource == span.getResource() && attributes == span.getAttributes() && events == span.getEvents()
				&& links == span.getLinks()) {
			return span;
		}
		return new RedactedSpanData(span, resource, attributes, events, links);
	}

	private record RedactedResource(Resource original, Resource redacted) {
	}

	private static List<EventData> redactEvents(AttributeRedaction.Pass pass, List<EventData> events) {
		List<EventData> redacted = null;
		for (int i = 0; i < events.size(); i++) {
			EventData event = events.get(i);
			Attributes attributes = pass.redact(event.getAttributes());
			if (attributes != event.getAttributes()) {
				redacted = (redacted != null) ? redacted : new ArrayList<>(events);
				redacted.set(i, EventData.create(event.getEpochNanos(), event.getName(), attributes,
						event.getTotalAttributeCount()));
			}
		}
		return (redacted != null) ? redacted : events;
	}

	private static List<LinkData> redactLinks(AttributeRedaction.Pass pass, List<LinkData> links) {
		List<LinkData> redacted = null;
		for (int i = 0; i < links.size(); i++) {
			LinkData link = links.get(i);
			Attributes attributes = pass.redact(link.getAttributes());
			if (attributes != link.getAttributes()) {
				redacted = (redacted != null) ? redacted : new ArrayList<>(links);
				redacted.set(i, LinkData.create(link.getSpanContext(), attributes, link.getTotalAttributeCount()));
			}
		}
		return (redacted != null) ? redacted : links;
	}

}
