package io.github.oteltracing.internal.baggage;

import java.util.Collection;
import java.util.Set;

import io.github.oteltracing.baggage.AcceptIncoming;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;

/**
 * What baggage a service takes from its callers and passes on, applied around all
 * propagators at once, so that every format that carries baggage (W3C {@code baggage},
 * Jaeger {@code uberctx-*}) and every place that extracts a context (servlet filter,
 * WebFlux filter, Micrometer receivers) obeys it.
 */
public final class BaggagePolicy {

	private final Set<String> fields;

	private final AcceptIncoming acceptIncoming;

	/**
	 * Creates a policy.
	 * @param fields the entries the application works with; empty for none listed
	 * @param acceptIncoming which incoming entries are kept
	 */
	public BaggagePolicy(Collection<String> fields, AcceptIncoming acceptIncoming) {
		this.fields = Set.copyOf(fields);
		this.acceptIncoming = acceptIncoming;
	}

	/**
	 * Applies this policy to a propagator.
	 * @param propagator the propagator
	 * @return a propagator that filters baggage in and out by this policy
	 */
	public TextMapPropagator apply(TextMapPropagator propagator) {
		return new PolicyPropagator(propagator, this);
	}

	Baggage incoming(Baggage baggage) {
		return switch (this.acceptIncoming) {
			case ALL -> baggage;
			case NONE -> Baggage.empty();
			case LISTED -> onlyListed(baggage);
		};
	}

	Baggage outgoing(Baggage baggage) {
		// Listed fields restrict what goes out too, unless the service passes everything through.
		return (this.fields.isEmpty() || this.acceptIncoming == AcceptIncoming.ALL) ? baggage : onlyListed(baggage);
	}

	private Baggage onlyListed(Baggage baggage) {
		if (baggage.isEmpty() || allListed(baggage)) {
			return baggage;
		}
		BaggageBuilder kept = Baggage.builder();
		baggage.forEach((name, entry) -> {
			if (this.fields.contains(name)) {
				kept.put(name, entry.getValue(), entry.getMetadata());
			}
		});
		return kept.build();
	}

	// Entry names are unique: all are listed when as many listed ones are present. Runs on
	// every hop in and out, so it reads the entries rather than copy them into a map.
	private boolean allListed(Baggage baggage) {
		int listed = 0;
		for (String field : this.fields) {
			if (baggage.getEntryValue(field) != null) {
				listed++;
			}
		}
		return listed == baggage.size();
	}

	private record PolicyPropagator(TextMapPropagator delegate, BaggagePolicy policy) implements TextMapPropagator {

		@Override
		public Collection<String> fields() {
			return this.delegate.fields();
		}

		@Override
		public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
			Baggage baggage = RequestBaggage.effective(context);
			Baggage outgoing = this.policy.outgoing(baggage);
			if (outgoing != Baggage.fromContext(context)) {
				context = context.with(outgoing);
			}
			this.delegate.inject(context, carrier, setter);
		}

		@Override
		public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
			Context extracted = this.delegate.extract(context, carrier, getter);
			Baggage incoming = Baggage.fromContextOrNull(extracted);
			if (incoming != null && incoming != Baggage.fromContextOrNull(context)) {
				Baggage kept = this.policy.incoming(incoming);
				if (kept != incoming) {
					extracted = extracted.with(kept);
				}
			}
			return RequestBaggage.attach(extracted);
		}

		@Override
		public String toString() {
			return this.delegate.toString();
		}

	}

}
