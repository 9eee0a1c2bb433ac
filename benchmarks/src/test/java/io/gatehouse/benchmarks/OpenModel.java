package io.gatehouse.benchmarks;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

/**
 * The open model of the latency scenarios: a warm-up ramp from a tenth of the rate to the rate (its requests
 * named apart, so that the target is checked on the measured phase only), then the rate itself. Both are
 * injected from the start on one clock, the measured phase after {@code nothingFor(warm-up)}, so that the
 * load never stops between them. Chained with {@code andThen}, Gatling sent nothing for about a second once
 * the ramp ended and then began the measured phase with a burst whose queue alone decided the p99.
 */
final class OpenModel {

	private OpenModel() {
	}

	static List<PopulationBuilder> warmUpThenMeasure(ScenarioBuilder warmUp, ScenarioBuilder measured, int rate,
			int warmUpSeconds, int seconds) {
		Duration warmUpDuration = Duration.ofSeconds(warmUpSeconds);
		return List.of(warmUp.injectOpen(rampUsersPerSec(rate / 10.0).to(rate).during(warmUpDuration)),
				measured.injectOpen(nothingFor(warmUpDuration),
						constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))));
	}

}
