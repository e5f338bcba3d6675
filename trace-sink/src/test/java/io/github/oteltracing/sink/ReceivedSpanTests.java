package io.github.oteltracing.sink;

import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Conversion of the protobuf span into the accessors of {@link ReceivedSpan}.
 */
class ReceivedSpanTests {

	@Test
	void convertsIdsAndEveryAttributeValueType() {
		Span span = Span.newBuilder()
			.setName("convert")
			.setKind(Span.SpanKind.SPAN_KIND_PRODUCER)
			.setTraceId(ByteString.fromHex("0af7651916cd43dd8448eb211c80319c"))
			.setSpanId(ByteString.fromHex("b7ad6b7169203331"))
			.setParentSpanId(ByteString.fromHex("00f067aa0ba902b7"))
			.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK))
			.addAttributes(keyValue("s", AnyValue.newBuilder().setStringValue("text")))
			.addAttributes(keyValue("i", AnyValue.newBuilder().setIntValue(7)))
			.addAttributes(keyValue("d", AnyValue.newBuilder().setDoubleValue(1.5)))
			.addAttributes(keyValue("b", AnyValue.newBuilder().setBoolValue(false)))
			.addAttributes(keyValue("a", AnyValue.newBuilder()
				.setArrayValue(ArrayValue.newBuilder()
					.addValues(AnyValue.newBuilder().setStringValue("x"))
					.addValues(AnyValue.newBuilder().setIntValue(2)))))
			.addAttributes(keyValue("kv", AnyValue.newBuilder()
				.setKvlistValue(KeyValueList.newBuilder().addValues(keyValue("nested", AnyValue.newBuilder().setBoolValue(true))))))
			.addAttributes(keyValue("bytes", AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] { 1, 2 }))))
			.addAttributes(keyValue("unset", AnyValue.newBuilder()))
			.build();
		Resource resource = Resource.newBuilder()
			.addAttributes(keyValue("service.name", AnyValue.newBuilder().setStringValue("svc")))
			.build();

		ReceivedSpan received = new ReceivedSpan(resource, InstrumentationScope.newBuilder().setName("scope").build(),
				span);

		assertThat(received.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
		assertThat(received.spanId()).isEqualTo("b7ad6b7169203331");
		assertThat(received.parentSpanId()).isEqualTo("00f067aa0ba902b7");
		assertThat(received.kind()).isEqualTo(Span.SpanKind.SPAN_KIND_PRODUCER);
		assertThat(received.statusCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);
		assertThat(received.statusMessage()).isEmpty();
		assertThat(received.attributes()).containsExactly(entry("s", "text"), entry("i", 7L), entry("d", 1.5),
				entry("b", false), entry("a", List.of("x", 2L)), entry("kv", Map.of("nested", true)),
				entry("bytes", received.attribute("bytes")), entry("unset", null));
		assertThat((byte[]) received.attribute("bytes")).containsExactly(1, 2);
		assertThat(received.serviceName()).isEqualTo("svc");
		assertThat(received.scopeName()).isEqualTo("scope");
		assertThat(received.toString()).isEqualTo("'convert' PRODUCER trace=0af7651916cd43dd8448eb211c80319c"
				+ " span=b7ad6b7169203331 parent=00f067aa0ba902b7 status=OK service=svc");
	}

	@Test
	void rootSpanWithoutResourceHasEmptyParentAndNoServiceName() {
		ReceivedSpan received = new ReceivedSpan(Resource.getDefaultInstance(), InstrumentationScope.getDefaultInstance(),
				Span.newBuilder().setName("root").build());

		assertThat(received.parentSpanId()).isEmpty();
		assertThat(received.serviceName()).isNull();
		assertThat(received.attributes()).isEmpty();
		assertThat(received.resourceAttributes()).isEmpty();
		assertThat(received.events()).isEmpty();
	}

	private static KeyValue keyValue(String key, AnyValue.Builder value) {
		return KeyValue.newBuilder().setKey(key).setValue(value).build();
	}

}
