package io.gatehouse.userpool.demo;

/** The seeded demo: its pool and its public client. */
record DemoApp(String poolId, String clientId) {
}
