package io.github.oteltracing.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.opentelemetry.api.trace.SpanKind;

import org.springframework.core.annotation.AliasFor;

/**
 * Traces a method: every call becomes one span, current while the method runs.
 *
 * <p>On a type, every public method of the bean is traced (those declared by the class
 * and its superclasses, not those of {@code java.lang.Object}); an annotation on a method
 * takes precedence over the one on its type.
 *
 * <p>The span name is {@link #name()} when given. Otherwise it is derived once per method
 * as verb-noun in lower-kebab-case: {@code reserveStock()} becomes {@code reserve-stock}; a
 * one-word method takes its noun from the class name without a trailing {@code Service},
 * {@code Controller}, {@code Client}, {@code Repository}, {@code Handler},
 * {@code Component}, {@code Manager} or {@code Impl}, so {@code PaymentService.authorize()}
 * becomes {@code authorize-payment}, and {@code WelcomeController.welcome()} stays
 * {@code welcome}. The class is the type the user wrote, never a proxy: a Spring Data
 * {@code OwnerRepository}'s {@code save} becomes {@code save-owner}.
 *
 * <p>A thrown exception is recorded as an {@code exception} event, sets the span status to
 * {@code ERROR} and the {@code error.type} attribute, and is rethrown unchanged. For
 * {@code CompletionStage} results the span ends when the stage completes; for Reactor
 * {@code Mono}/{@code Flux} results each subscription gets its own span, from subscription
 * to termination. Parameters annotated with {@link SpanAttribute} become attributes.
 *
 * <p>An annotation that cannot be applied (an attribute not of the form {@code key=value},
 * a {@link SpanAttribute} whose parameter name is unknown) fails application start-up.
 *
 * @see SpanAttribute
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Traced {

	/**
	 * Alias for {@link #name()}.
	 * @return the span name, or empty to derive it from the method
	 */
	@AliasFor("name")
	String value() default "";

	/**
	 * The span name. Empty (the default) derives a verb-noun name from the method.
	 * @return the span name, or empty to derive it from the method
	 */
	@AliasFor("value")
	String name() default "";

	/**
	 * The span kind.
	 * @return the span kind, {@link SpanKind#INTERNAL} by default
	 */
	SpanKind kind() default SpanKind.INTERNAL;

	/**
	 * Static attributes set on every span, each as {@code key=value} with a non-empty key,
	 * for example {@code "component=checkout"}.
	 * @return the static attributes
	 */
	String[] attributes() default {};

}
