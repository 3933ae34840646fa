package dev.grid.log.impl.storage;

/**
 * What a batch's header carries besides its offsets and timestamps (covered by the batch's CRC32C).
 *
 * @param producerId   the id of the producer that wrote the batch, -1 for none (other values are
 *                     stored as given)
 * @param baseSequence the producer's sequence number of the batch's first record, -1 for none (other
 *                     values are stored as given)
 * @param leaderEpoch  the epoch of the partition owner that appended the batch, 0 or above
 */
public record BatchMeta(long producerId, int baseSequence, int leaderEpoch) {
    /** No producer, no sequence, epoch 0: what {@link SegmentedLog#append(java.util.List, long)} writes. */
    public static final BatchMeta NONE = new BatchMeta(-1, -1, 0);

    public BatchMeta {
        if (leaderEpoch < 0) {
            throw new IllegalArgumentException("leaderEpoch " + leaderEpoch + " is negative");
        }
    }
}
