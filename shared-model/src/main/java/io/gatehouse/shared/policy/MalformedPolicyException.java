package io.gatehouse.shared.policy;

/**
 * A policy document that does not follow the grammar of the IAM User Guide's "IAM JSON policy elements
 * reference" (and "Grammar of the IAM JSON policy language"). IAM surfaces report it as
 * {@code MalformedPolicyDocument}.
 * <p>
 * The message is safe to return to the caller: it names the element at fault and never echoes parser
 * internals, class names or large parts of the document.
 */
public final class MalformedPolicyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The error type IAM uses for this failure. */
	public static final String AWS_ERROR_TYPE = "MalformedPolicyDocument";

	public MalformedPolicyException(String message) {
		super(message, null, false, false);
	}

}
