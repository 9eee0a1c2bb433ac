package io.gatehouse.shared.sigv4;

/**
 * Why a request was refused, with the AWS error type each surface reports for it.
 */
public enum SigV4Failure {

	/** No {@code Authorization} header (or presigned query) at all. */
	MISSING_AUTHENTICATION("MissingAuthenticationTokenException"),

	/** An {@code Authorization} header that is not a complete AWS4-HMAC-SHA256 header. */
	INCOMPLETE_SIGNATURE("IncompleteSignatureException"),

	/** The access key id is not known. */
	UNRECOGNIZED_CLIENT("UnrecognizedClientException"),

	/** The signature does not match, or the scope names another region, service or date. */
	INVALID_SIGNATURE("InvalidSignatureException"),

	/** {@code X-Amz-Date} is outside the allowed clock skew. */
	SIGNATURE_EXPIRED("InvalidSignatureException");

	private final String awsErrorType;

	SigV4Failure(String awsErrorType) {
		this.awsErrorType = awsErrorType;
	}

	public String awsErrorType() {
		return this.awsErrorType;
	}

}
