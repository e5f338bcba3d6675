package io.github.oteltracing.propagation;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mutations of "Mutating the tracestate Field" on a trace state read from a header,
 * as an application (or a sampler) applies them through {@link TraceState#toBuilder()}.
 */
class W3CTraceStateTests {

	@Test
	void updatedKeyMovesToTheBeginningAndUnmodifiedMembersKeepTheirOrder() {
		TraceState state = TraceStateHeader.parse("rojo=1,foo@=2,congo=3").toBuilder().put("congo", "4").build();
		assertThat(header(state)).isEqualTo("congo=4,rojo=1,foo@=2");
	}

	@Test
	void newKeyIsAddedToTheBeginningWithTheCurrentKeyGrammar() {
		TraceState state = TraceStateHeader.parse("rojo=1").toBuilder().put("tenant@vendor@x", "2").build();
		assertThat(header(state)).isEqualTo("tenant@vendor@x=2,rojo=1");
	}

	@Test
	void addingA33rdMemberRemovesTheRightMostMember() {
		String members = IntStream.range(0, 32).mapToObj((i) -> "k" + i + "=" + i).collect(Collectors.joining(","));
		TraceState state = TraceStateHeader.parse(members).toBuilder().put("new", "1").build();
		assertThat(state.size()).isEqualTo(32);
		assertThat(header(state)).startsWith("new=1,k0=0,").endsWith(",k30=30");
	}

	@Test
	void invalidKeyOrValueIsNotAdded() {
		TraceState state = TraceStateHeader.parse("rojo=1")
			.toBuilder()
			.put("@vendor", "1")
			.put("Upper", "1")
			.put("key", "trailing ")
			.put("key", "a=b")
			.build();
		assertThat(header(state)).isEqualTo("rojo=1");
	}

	@Test
	void deletedKeyLeavesTheOthersInOrder() {
		TraceState state = TraceStateHeader.parse("a=1,b=2,c=3").toBuilder().remove("b").build();
		assertThat(header(state)).isEqualTo("a=1,c=3");
		assertThat(TraceStateHeader.parse("a=1").toBuilder().remove("a").build()).isEqualTo(TraceState.getDefault());
	}

	@Test
	void equalityFollowsMembersInOrder() {
		assertThat(TraceStateHeader.parse("a=1,b=2")).isEqualTo(TraceStateHeader.parse(" a=1 ,\tb=2"))
			.isNotEqualTo(TraceStateHeader.parse("b=2,a=1"));
	}

	private static String header(TraceState state) {
		StringBuilder header = new StringBuilder();
		state.forEach((key, value) -> header.append((header.length() > 0) ? "," : "").append(key).append('=').append(value));
		return header.toString();
	}

}
