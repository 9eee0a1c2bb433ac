package io.gatehouse.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prepares a scenario against the running stack (pools, roles, users, credentials) and writes the request
 * bodies it will replay, one JSON document per line, for {@code benchmarks/wrk/run}: wrk is a C load
 * generator that costs far less CPU per request than Gatling, which matters when the load generator and
 * the services share two cores. Usage: {@code WrkFixtures credentials|decision|signin|refresh <file>}.
 */
public final class WrkFixtures {

	private WrkFixtures() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: WrkFixtures credentials|decision|signin|refresh <file>");
			System.exit(2);
		}
		List<String> bodies = switch (args[0]) {
			case "credentials" -> CredentialsSimulation.prepare();
			case "decision" -> DecisionSimulation.prepare();
			case "refresh" -> {
				// One token chain per wrk connection (benchmarks/wrk/refresh.lua follows each chain).
				UserPoolFixture pool = UserPoolFixture.create(20);
				java.util.List<String> chains = new java.util.ArrayList<>();
				for (int i = 0; i < Integer.getInteger("chains", 64); i++) {
					chains.add(pool.refreshBody(pool.signIn(pool.usernames().get(i % pool.usernames().size()))));
				}
				yield chains;
			}
			case "signin" -> {
				UserPoolFixture pool = UserPoolFixture.create(20);
				yield pool.usernames().stream().map(pool::signInBody).toList();
			}
			default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
		};
		for (String body : bodies) {
			if (body.indexOf('\n') >= 0) {
				throw new IllegalStateException("a body spans lines");
			}
		}
		Files.write(Path.of(args[1]), bodies, StandardCharsets.UTF_8);
		System.out.printf("%d request bodies written to %s%n", bodies.size(), args[1]);
	}

}
