package io.gatehouse.userpool.pool;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * NextToken values: the last id of the previous page, tagged with what was listed. Listings are keyset
 * pages ordered by id, so a token stays valid while rows are added or removed. A token carries nothing
 * a caller may not see, so it is encoded, not sealed; a forged token only moves the start of a listing
 * the caller may read anyway.
 */
public final class PageToken {

	private PageToken() {
	}

	public static String encode(String listing, String lastId) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((listing + "\n" + lastId).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return the id after which the next page starts; empty when there is no token
	 * @throws InvalidSettingException when the token was not issued for this listing
	 */
	public static Optional<String> decode(String listing, String token) {
		if (token == null) {
			return Optional.empty();
		}
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSettingException("Invalid NextToken.");
		}
		String prefix = listing + "\n";
		if (!decoded.startsWith(prefix) || decoded.length() == prefix.length() || decoded.length() > 300) {
			throw new InvalidSettingException("Invalid NextToken.");
		}
		return Optional.of(decoded.substring(prefix.length()));
	}

}
