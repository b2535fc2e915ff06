package org.exhunt.server.store;

import java.time.Instant;
import org.exhunt.server.auth.Role;

/**
 * What may be shown about a token: its id (the first 12 hex digits of its hash, as the request
 * log names it), tenant, role and creation time. Neither the token nor its full hash.
 */
public record TokenInfo(String id, String tenant, Role role, Instant created) {
}
