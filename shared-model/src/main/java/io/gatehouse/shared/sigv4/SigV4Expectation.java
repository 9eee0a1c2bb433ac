package io.gatehouse.shared.sigv4;

import java.util.Set;

/**
 * What a surface accepts in a credential scope: its own service name and the regions it answers for
 * (IAM and STS clients sign for {@code us-east-1} whatever the configured region is).
 */
public record SigV4Expectation(String service, Set<String> regions) {

	public static SigV4Expectation of(String service, String... regions) {
		return new SigV4Expectation(service, Set.of(regions));
	}

}
