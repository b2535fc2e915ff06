package org.exhunt.server.auth;

/**
 * Who is calling: the tenant a token belongs to and its role. {@code tokenId} is a short,
 * non-secret prefix of the token's hash, so logs and rate limits can tell tokens apart without
 * holding anything that opens the door.
 */
public record Principal(String tenant, Role role, String tokenId) {
}
