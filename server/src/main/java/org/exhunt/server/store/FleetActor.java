package org.exhunt.server.store;

import java.time.Instant;
import java.util.List;

/** A client address across the fleet: the servers it touched, first and last seen, findings. */
public record FleetActor(String address, List<String> hosts, Instant first, Instant last, int findings) {

    public FleetActor {
        hosts = List.copyOf(hosts);
    }
}
