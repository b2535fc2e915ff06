package org.exhunt.server.store;

/**
 * What storing an upload did.
 *
 * @param id     the stored scan's id (the earlier one for a re-upload or a conflict)
 * @param result {@link Result#CREATED} for a new scan, {@link Result#ALREADY_STORED} for the same
 *               report again, {@link Result#CONFLICT} for a different report under a scan id
 *               already used in the tenant
 */
public record SaveOutcome(String id, Result result) {

    public enum Result { CREATED, ALREADY_STORED, CONFLICT }
}
