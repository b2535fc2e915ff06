package org.exhunt.server.store;

import java.time.Instant;
import java.util.List;

/**
 * An accepted upload, ready to store.
 *
 * @param scanKey    what makes a re-upload the same scan within a tenant ({@code id:} + the
 *                   report's scan id, or {@code sha256:} + the body digest when it has none)
 * @param bodySha256 the digest of the canonical report, to tell a true re-upload from a
 *                   different report that reuses a scan id
 * @param scanTime   when the scan ran (its finish, else its start), null when the report says neither
 */
public record NewScan(String tenant, String host, String scanKey, String bodySha256, String verdict,
                      String exposureBuild, List<String> exposureCves, int findings, Instant scanTime,
                      Instant received, String report, List<ActorSighting> actors) {

    public NewScan {
        exposureCves = List.copyOf(exposureCves);
        actors = List.copyOf(actors);
    }
}
