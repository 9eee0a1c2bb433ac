package io.gatehouse.identitypool.audit;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores audit events, each in its own transaction after the action it describes. When the database
 * cannot take the event (it is the database that failed the action, or it failed in between), the event
 * goes to the log instead, so it is not lost silently; the action's answer is not changed by it.
 */
@Service
public final class AuditLog {

	private static final Logger logger = LoggerFactory.getLogger(AuditLog.class);

	private final AuditEventRepository repository;

	private final Clock clock;

	private final TransactionTemplate transaction;

	AuditLog(AuditEventRepository repository, Clock clock, PlatformTransactionManager transactionManager) {
		this.repository = repository;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactionManager);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public void record(AuditRecord record) {
		try {
			this.transaction.executeWithoutResult((status) -> this.repository.save(new AuditEvent(this.clock.instant(), record)));
		}
		catch (RuntimeException ex) {
			logger.warn("Audit event could not be stored ({}); recorded here instead: {}", ex.getClass().getSimpleName(),
					record);
		}
	}

}
