package io.gatehouse.identitypool.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_event")
class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(name = "actor_key_id")
	private String actorKeyId;

	@Column(name = "actor_verified", nullable = false)
	private boolean actorVerified;

	@Column(name = "actor_arn")
	private String actorArn;

	@Column(nullable = false)
	private String action;

	private String target;

	@Column(nullable = false)
	private String outcome;

	@Column(name = "source_ip")
	private String sourceIp;

	@Column(name = "user_agent")
	private String userAgent;

	@Column(name = "request_id", nullable = false)
	private String requestId;

	protected AuditEvent() {
	}

	AuditEvent(Instant occurredAt, AuditRecord record) {
		this.occurredAt = occurredAt;
		this.actorKeyId = record.actorKeyId();
		this.actorVerified = record.actorVerified();
		this.actorArn = record.actorArn();
		this.action = record.action();
		this.target = record.target();
		this.outcome = record.outcome();
		this.sourceIp = record.sourceIp();
		this.userAgent = record.userAgent();
		this.requestId = record.requestId();
	}

}
