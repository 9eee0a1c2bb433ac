package io.gatehouse.userpool.audit;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retention how long audit events are kept; older ones are deleted by the prune job
 * @param pruneInterval the pause between two runs of the prune job (on each instance; only one instance
 * prunes at a time)
 * @param pruneBatchSize rows deleted per statement, so pruning a large backlog never holds long locks
 */
@Validated
@ConfigurationProperties("gatehouse.audit")
public record AuditProperties(@DefaultValue("90d") Duration retention, @DefaultValue("1h") Duration pruneInterval,
		@DefaultValue("10000") @Min(100) @Max(1000000) int pruneBatchSize) {

	public AuditProperties {
		if (retention.compareTo(Duration.ofHours(1)) < 0) {
			throw new IllegalArgumentException("gatehouse.audit.retention must be at least 1h");
		}
		if (pruneInterval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("gatehouse.audit.prune-interval must be at least 1s");
		}
	}

}
