package io.gatehouse.identitypool.config;

import org.springframework.http.ResponseEntity;

/**
 * A surface speaking the AWS Query protocol (IAM, STS). Each has its own path ({@code /iam/},
 * {@code /sts/}), but some SDK clients drop the path of an overridden endpoint and post to {@code /}; the
 * {@link QueryProtocolRouter} hands such requests to the surface they were signed for.
 */
public interface QuerySurface {

	/** The SigV4 service name the surface's clients sign for: {@code iam}, {@code sts}. */
	String signingService();

	/** Whether an unsigned request with this {@code Action} belongs to this surface. */
	boolean handlesAction(String action);

	ResponseEntity<byte[]> handle(ReceivedRequest request);

}
