package io.github.oteltracing.redaction;

import java.util.List;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * A finished span with redacted resource, attributes, events and links; everything else
 * is the original's. Attributes removed by redaction count as dropped, as the total is kept.
 */
final class RedactedSpanData extends DelegatingSpanData {

	private final Resource resource;

	private final Attributes attributes;

	private final List<EventData> events;

	private final List<LinkData> links;

	RedactedSpanData(SpanData delegate, Resource resource, Attributes attributes, List<EventData> events,
			List<LinkData> links) {
		super(delegate);
		this.resource = resource;
		this.attributes = attributes;
		this.events = events;
		this.links = links;
	}

	@Override
	public Resource getResource() {
		return this.resource;
	}

	@Override
	public Attributes getAttributes() {
		return this.attributes;
	}

	@Override
	public List<EventData> getEvents() {
		return this.events;
	}

	@Override
	public List<LinkData> getLinks() {
		return this.links;
	}

}
