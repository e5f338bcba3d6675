package io.github.oteltracing.internal.traced;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import io.github.oteltracing.annotation.SpanAttribute;
import io.github.oteltracing.annotation.Traced;
import io.github.oteltracing.traced.InvalidTracedMethodException;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.semconv.ErrorAttributes;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Everything about one traced method that does not change between calls: computed once,
 * so that a call only starts a span and records the arguments.
 */
final class TracedMethod {

	private static final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private static final boolean reactorPresent = ClassUtils.isPresent("reactor.core.publisher.Mono",
			TracedMethod.class.getClassLoader());

	final Class<?> targetClass;

	final String spanName;

	final SpanKind kind;

	final Attributes staticAttributes;

	final ParameterAttribute[] parameterAttributes;

	final ResultType resultType;

	// The parameters that also go into baggage (@SpanAttribute(baggage = true)).
	private final ParameterAttribute[] baggageParameters;

	private TracedMethod(Class<?> targetClass, String spanName, SpanKind kind, Attributes staticAttributes,
			ParameterAttribute[] parameterAttributes, ResultType resultType) {
		this.targetClass = targetClass;
		this.spanName = spanName;
		this.kind = kind;
		this.staticAttributes = staticAttributes;
		this.parameterAttributes = parameterAttributes;
		this.resultType = resultType;
		this.baggageParameters = Arrays.stream(parameterAttributes)
			.filter(ParameterAttribute::isBaggage)
			.toArray(ParameterAttribute[]::new);
	}

	/**
	 * Whether a call of the method on the class is traced: the method (or a method it
	 * implements) is annotated, or it is public, not one of {@code Object}'s, and belongs
	 * to an annotated user type.
	 */
	static boolean isTraced(Method method, Class<?> targetClass) {
		Class<?> userType = UserTypes.of(method, targetClass);
		Method specific = AopUtils.getMostSpecificMethod(method, userType);
		if (AnnotatedElementUtils.hasAnnotation(specific, Traced.class)) {
			return true;
		}
		return Modifier.isPublic(specific.getModifiers()) && !isObjectMethod(specific)
				&& AnnotatedElementUtils.hasAnnotation(userType, Traced.class);
	}

	private static boolean isObjectMethod(Method method) {
		return method.getDeclaringClass() == Object.class || ReflectionUtils.isEqualsMethod(method)
				|| ReflectionUtils.isHashCodeMethod(method) || ReflectionUtils.isToStringMethod(method)
				|| ReflectionUtils.isObjectMethod(method);
	}

	/**
	 * Reads the method's annotations once.
	 * @throws InvalidTracedMethodException if they cannot be applied as written
	 */
	static TracedMethod of(Method method, Class<?> targetClass) {
		Class<?> userType = UserTypes.of(method, targetClass);
		Method specific = AopUtils.getMostSpecificMethod(method, userType);
		String description = describe(userType, specific);
		Traced traced = AnnotatedElementUtils.findMergedAnnotation(specific, Traced.class);
		if (traced == null) {
			traced = AnnotatedElementUtils.findMergedAnnotation(userType, Traced.class);
		}
		String name = (traced != null && !traced.name().isBlank()) ? traced.name().strip()
				: SpanNames.derive(specific.getName(), userType.getSimpleName());
		SpanKind kind = (traced != null) ? traced.kind() : SpanKind.INTERNAL;
		Attributes attributes = staticAttributes((traced != null) ? traced.attributes() : new String[0], description);
		return new TracedMethod(targetClass, name, kind, attributes, parameterAttributes(specific, method, description),
				ResultType.of(specific.getReturnType()));
	}

	private static String describe(Class<?> userType, Method method) {
		return userType.getName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
			.map(Class::getTypeName)
			.collect(Collectors.joining(", ", "(", ")"));
	}

	private static Attributes staticAttributes(String[] pairs, String method) {
		AttributesBuilder builder = Attributes.builder();
		for (String pair : pairs) {
			int separator = pair.indexOf('=');
			String key = (separator >= 0) ? pair.substring(0, separator).strip() : "";
			if (key.isEmpty()) {
				throw new InvalidTracedMethodException(method,
						"its attribute \"" + pair + "\" is not of the form key=value with a non-empty key",
						"Write each entry of @Traced(attributes = ...) as key=value, for example \"component=checkout\".");
			}
			builder.put(key, pair.substring(separator + 1).strip());
		}
		return builder.build();
	}

	private static ParameterAttribute[] parameterAttributes(Method specific, Method invoked, String method) {
		String[] names = parameterNames.getParameterNames(specific);
		List<ParameterAttribute> attributes = new ArrayList<>();
		for (int i = 0; i < specific.getParameterCount(); i++) {
			SpanAttribute annotation = findParameterAnnotation(specific, invoked, i);
			if (annotation == null) {
				continue;
			}
			String name = annotation.name().strip();
			if (name.isEmpty()) {
				if (names == null) {
					throw new InvalidTracedMethodException(method, "parameter " + i
							+ " has @SpanAttribute without a name, and the class file has no parameter names (compiled without -parameters)",
							"Name the attribute, for example @SpanAttribute(\"order.id\"), or compile with javac's -parameters option "
									+ "(Maven: <parameters>true</parameters> in the maven-compiler-plugin configuration; "
									+ "Gradle: options.compilerArgs << '-parameters').");
				}
				name = names[i];
			}
			attributes.add(new ParameterAttribute(specific.getParameters()[i], i, name, method, annotation.baggage()));
		}
		return attributes.toArray(new ParameterAttribute[0]);
	}

	private static SpanAttribute findParameterAnnotation(Method specific, Method invoked, int index) {
		// Merged, so that the value/name aliases resolve; the interface's declaration counts too.
		SpanAttribute annotation = AnnotatedElementUtils.findMergedAnnotation(specific.getParameters()[index],
				SpanAttribute.class);
		if (annotation == null && invoked != specific) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(invoked.getParameters()[index],
					SpanAttribute.class);
		}
		return annotation;
	}

	void recordAttributes(Span span, Object[] arguments) {
		if (!this.staticAttributes.isEmpty()) {
			span.setAllAttributes(this.staticAttributes);
		}
		for (ParameterAttribute attribute : this.parameterAttributes) {
			attribute.record(span, arguments);
		}
	}

	/**
	 * Whether a failure only says that the caller cancelled: that ends a span without error.
	 */
	static boolean isCancellation(Throwable failure) {
		return unwrap(failure) instanceof CancellationException;
	}

	/**
	 * The context the method runs in: the span's, with the baggage parameters put in.
	 * @param span the method's span
	 * @param arguments the call's arguments
	 * @return the context to make current
	 */
	Context context(Span span, Object[] arguments) {
		Context context = Context.current().with(span);
		if (this.baggageParameters.length == 0) {
			return context;
		}
		BaggageBuilder scoped = Baggage.fromContext(context).toBuilder();
		boolean any = false;
		for (ParameterAttribute parameter : this.baggageParameters) {
			any |= parameter.putBaggage(arguments, scoped);
		}
		return any ? context.with(scoped.build()) : context;
	}

	static void recordFailure(Span span, Throwable failure) {
		Throwable cause = unwrap(failure);
		span.recordException(cause);
		String message = cause.getMessage();
		// No message, no description: the class is error.type already.
		if (message != null) {
			span.setStatus(StatusCode.ERROR, message);
		}
		else {
			span.setStatus(StatusCode.ERROR);
		}
		span.setAttribute(ErrorAttributes.ERROR_TYPE, cause.getClass().getName());
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * When the span of a call ends: on return, or when the returned async result completes.
	 */
	enum ResultType {

		SYNCHRONOUS, COMPLETION_STAGE, REACTOR;

		static ResultType of(Class<?> returnType) {
			if (CompletionStage.class.isAssignableFrom(returnType)) {
				return COMPLETION_STAGE;
			}
			if (reactorPresent && ReactorResults.isReactorType(returnType)) {
				return REACTOR;
			}
			return SYNCHRONOUS;
		}

	}

}
