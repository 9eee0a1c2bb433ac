package io.gatehouse.identitypool.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.gatehouse.identitypool.RefusedException;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the endpoints that are not AWS surfaces (the decision API). The AWS surfaces
 * render their own error catalogues and never reach this advice.
 */
@RestControllerAdvice
final class ProblemDetailsAdvice {

	private static final Logger logger = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(RefusedException.class)
	ProblemDetail refused(RefusedException ex) {
		HttpStatus status = switch (ex.refusal()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case NOT_AUTHORIZED, ACCESS_DENIED -> HttpStatus.FORBIDDEN;
			case ALREADY_EXISTS, CONFLICT -> HttpStatus.CONFLICT;
			case LIMIT_EXCEEDED, TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
			case EXTERNAL_SERVICE -> HttpStatus.BAD_GATEWAY;
			default -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	/** A database that cannot be reached is a 503 "try again", never a 500 with details. */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ProblemDetail database(RuntimeException ex) {
		HttpStatus status = DatabaseFaults.unavailable(ex) ? HttpStatus.SERVICE_UNAVAILABLE
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status == HttpStatus.INTERNAL_SERVER_ERROR) {
			logger.error("Request failed", ex);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				(status == HttpStatus.SERVICE_UNAVAILABLE) ? "The service is temporarily unavailable. Try again later."
						: "An internal error occurred.");
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}
