package io.github.oteltracing.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Records a parameter of a {@link Traced} method as a span attribute.
 *
 * <p>Values keep their type: {@code int}, {@code long}, {@code short} and {@code byte}
 * become long attributes, {@code float} and {@code double} double attributes, then
 * {@code boolean} and {@code String}; arrays and collections of those become array
 * attributes. Anything else is recorded with {@code toString()}. A {@code null} value sets
 * no attribute.
 *
 * <p>Recording never fails the call: a value whose {@code toString()} or iteration throws
 * is left out. At most the first 128 elements of an array or collection and the first 4096
 * characters of a string are copied.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SpanAttribute {

	/**
	 * Alias for {@link #name()}.
	 * @return the attribute key, or empty for the parameter name
	 */
	@AliasFor("name")
	String value() default "";

	/**
	 * The attribute key, for example {@code order.id}. Empty (the default) uses the
	 * parameter name, which needs classes compiled with {@code -parameters}; without them,
	 * start-up fails.
	 * @return the attribute key, or empty for the parameter name
	 */
	@AliasFor("value")
	String name() default "";

	/**
	 * Whether the value is also put into baggage under the same name, for the rest of the
	 * request (as {@code TracingBaggage.set} does; outside a request, for the method's
	 * scope): later spans, log lines and outgoing calls then carry it, as
	 * {@code tracing.baggage.*} says. A {@code null} value puts nothing.
	 * @return {@code true} to put the value into baggage
	 */
	boolean baggage() default false;

}
