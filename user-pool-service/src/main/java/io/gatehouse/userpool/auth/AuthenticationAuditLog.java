package io.gatehouse.userpool.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every {@link AuthenticationEvent} to the {@code gatehouse.audit} logger, one line each, so that
 * operators can ship it apart from the application log. Nothing secret is in an event.
 */
@Component
final class AuthenticationAuditLog {

	private static final Logger audit = LoggerFactory.getLogger("gatehouse.audit");

	@EventListener
	void on(AuthenticationEvent event) {
		audit.info("authentication pool={} client={} sub={} outcome={} door={} ip={}", event.poolId(),
				event.clientId(), event.sub(), event.outcome(), event.context().door(), event.context().sourceIp());
	}

}
