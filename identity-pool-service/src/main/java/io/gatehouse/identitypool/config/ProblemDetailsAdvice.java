package io.gatehouse.identitypool.config;

import io.gatehouse.identitypool.RefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the endpoints that are not AWS surfaces (the decision API). The AWS surfaces
 * render their own error catalogues and never reach this advice.
 */
@RestControllerAdvice
final class ProblemDetailsAdvice {

	@ExceptionHandler(RefusedException.class)
	ProblemDetail refused(RefusedException ex) {
		HttpStatus status = switch (ex.refusal()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case NOT_AUTHORIZED -> HttpStatus.FORBIDDEN;
			case ALREADY_EXISTS, CONFLICT -> HttpStatus.CONFLICT;
			case LIMIT_EXCEEDED, TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
			case EXTERNAL_SERVICE -> HttpStatus.BAD_GATEWAY;
			default -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}
