package io.gatehouse.identitypool.pool;

/** How a {@code Rules} mapping compares a claim with its value. */
public enum MatchType {

	EQUALS, CONTAINS, STARTS_WITH, NOT_EQUAL;

	boolean matches(String claim, String value) {
		return switch (this) {
			case EQUALS -> claim.equals(value);
			case CONTAINS -> claim.contains(value);
			case STARTS_WITH -> claim.startsWith(value);
			case NOT_EQUAL -> !claim.equals(value);
		};
	}

}
