package org.exhunt.server.store;

import java.time.Instant;

/** One client address as one scan saw it (from the report's chains). */
public record ActorSighting(String address, Instant first, Instant last, int findings) {
}
