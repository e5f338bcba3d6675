package io.github.oteltracing.internal.http.reactive;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The status WebFlux answers a failed request with, decided as Spring's and Spring Boot's
 * error handlers decide it: the status of an {@link ErrorResponse} (such as
 * {@code ResponseStatusException}), the {@link ResponseStatus @ResponseStatus} of the
 * exception's class, otherwise 500.
 */
final class FailureStatus {

	private FailureStatus() {
	}

	static int of(Throwable failure) {
		if (failure instanceof ErrorResponse errorResponse) {
			return errorResponse.getStatusCode().value();
		}
		ResponseStatus annotation = AnnotatedElementUtils.findMergedAnnotation(failure.getClass(), ResponseStatus.class);
		return (annotation != null) ? annotation.code().value() : HttpStatus.INTERNAL_SERVER_ERROR.value();
	}

}
