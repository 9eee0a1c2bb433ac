package io.gatehouse.userpool.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on scheduling for the audit retention job (and any other {@code @Scheduled} job of the service). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

}
