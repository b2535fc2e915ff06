package org.exhunt.evtx;

/**
 * Damage found while reading: where (byte offset in the file, chunk index, record id when known)
 * and what was expected or lost. Reading goes on after a problem.
 *
 * @param offset byte offset in the file where the damage is
 * @param chunkIndex index of the chunk (0 = first after the file header), -1 for the file header
 * @param recordId the record id if known, else -1
 * @param message what is wrong and what it cost
 */
public record EvtxProblem(long offset, int chunkIndex, long recordId, String message) {

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("offset ").append(offset).append(" (0x").append(Long.toHexString(offset)).append(')');
        if (chunkIndex >= 0) {
            sb.append(", chunk ").append(chunkIndex);
        }
        if (recordId >= 0) {
            sb.append(", record ").append(recordId);
        }
        return sb.append(": ").append(message).toString();
    }
}
