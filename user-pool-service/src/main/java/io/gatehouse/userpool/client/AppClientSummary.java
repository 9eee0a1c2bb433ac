package io.gatehouse.userpool.client;

/** One entry of ListUserPoolClients ({@code UserPoolClientDescription}). */
public record AppClientSummary(String clientId, String userPoolId, String clientName) {
}
