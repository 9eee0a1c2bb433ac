package io.gatehouse.identitypool.identity;

import io.gatehouse.identitypool.credentials.TemporaryCredentials;

/**
 * @param identityId the identity the credentials belong to; differs from the one asked for when a guest
 * identity was merged into the identity its login already had
 */
public record IssuedCredentials(String identityId, TemporaryCredentials credentials) {
}
