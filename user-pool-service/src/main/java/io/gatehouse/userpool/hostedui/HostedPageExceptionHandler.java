package io.gatehouse.userpool.hostedui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The hosted pages never show a stack trace, an exception class or SQL: an unknown pool is a plain 404 page,
 * anything unexpected a plain 500 page (the details go to the log).
 */
@ControllerAdvice(assignableTypes = { SignInController.class, AccountController.class })
final class HostedPageExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(HostedPageExceptionHandler.class);

	@ExceptionHandler(HostedPageNotFoundException.class)
	ModelAndView notFound() {
		return new ModelAndView("hostedui/not-found", HttpStatus.NOT_FOUND);
	}

	/** The database is away: 503, and the page works again by itself when it is back. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ModelAndView unavailable(Exception ex) {
		logger.warn("Hosted page unavailable: {}", ex.getClass().getSimpleName());
		ModelAndView page = new ModelAndView("hostedui/error", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("unavailable", true);
		return page;
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex) {
		logger.error("Hosted page failed", ex);
		return new ModelAndView("hostedui/error", HttpStatus.INTERNAL_SERVER_ERROR);
	}

}
