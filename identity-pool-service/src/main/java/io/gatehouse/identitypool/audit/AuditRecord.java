package io.gatehouse.identitypool.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One administrative action, as the audit trail keeps it: who (the access key id, and the assumed-role ARN
 * for temporary credentials), what ({@code cognito-identity:CreateIdentityPool}, {@code iam:CreateRole}), on
 * what, with which outcome ({@code Success} or the error code answered), from where. Never a secret, a
 * token or a policy document.
 *
 * @param actorVerified whether the signature was verified; when not, {@code actorKeyId} is only what the
 * request claimed
 */
public record AuditRecord(String actorKeyId, boolean actorVerified, String actorArn, String action, String target,
		String outcome, String sourceIp, String userAgent, String requestId) {

	public static final String SUCCESS = "Success";

	private static final Pattern CLAIMED_KEY = Pattern.compile("Credential=([A-Za-z0-9]{1,128})/");

	public AuditRecord {
		actorKeyId = cut(actorKeyId, 128);
		actorArn = cut(actorArn, 2048);
		target = cut(target, 2048);
		outcome = cut(outcome, 128);
		sourceIp = cut(sourceIp, 64);
		userAgent = cut(userAgent, 512);
	}

	/** The access key id an {@code Authorization} header names, not verified. */
	public static String claimedKeyId(String authorization) {
		if (authorization == null) {
			return null;
		}
		Matcher matcher = CLAIMED_KEY.matcher(authorization);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
