package io.gatehouse.identitypool.decision;

import java.util.List;
import java.util.Map;

/**
 * A resource server's question: "may the signer of this request perform this action on this resource?".
 *
 * @param request the signed request as the resource server received it
 * @param signingService the service name clients sign for when calling that resource server
 * @param signingRegion the region they sign for; the configured region when absent
 * @param action the action the resource server derives, {@code service:Action}
 * @param resource the resource ARN, or null for actions without one
 * @param context further condition keys the resource server knows (for example {@code aws:SourceIp})
 */
record DecisionRequest(ForwardedRequest request, String signingService, String signingRegion, String action,
		String resource, Map<String, List<String>> context) {

	/**
	 * @param path the request path as sent, still percent-encoded
	 * @param query the query string as sent, without {@code ?}
	 * @param headers every header as received (at least those the signature names)
	 * @param payloadSha256 lowercase hex SHA-256 of the body; taken from {@code x-amz-content-sha256} when absent
	 */
	record ForwardedRequest(String method, String path, String query, Map<String, List<String>> headers,
			String payloadSha256) {
	}

}
