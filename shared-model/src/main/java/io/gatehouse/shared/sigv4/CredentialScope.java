package io.gatehouse.shared.sigv4;

/**
 * The credential scope {@code yyyymmdd/region/service/aws4_request}; {@link #toString()} is its wire form.
 */
record CredentialScope(String date, String region, String service) {

	@Override
	public String toString() {
		return this.date + '/' + this.region + '/' + this.service + '/' + SigningAlgorithm.TERMINATOR;
	}

}
