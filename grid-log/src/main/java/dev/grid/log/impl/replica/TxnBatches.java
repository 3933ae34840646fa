package dev.grid.log.impl.replica;

import dev.grid.log.Header;
import dev.grid.log.impl.storage.BatchMeta;
import dev.grid.log.impl.storage.LogRecord;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * How transactional batches are told apart in a partition's log, from their batch header alone (so backups, copies
 * and readers need not decode records). A transaction's batches carry a negative producer id below -1 derived from
 * the transaction id (ordinary producers' ids are 0 or above, -1 is "none"):
 * <ul>
 *   <li>its <b>records</b>: one batch per partition, base sequence = the transaction's timeout in seconds (0 or above);</li>
 *   <li>its <b>marker</b>: one batch of one record (key null, empty value, header {@value #MARKER_HEADER} =
 *       {@code commit} or {@code abort}), base sequence {@value #COMMIT} or {@value #ABORT}. A marker takes an offset.</li>
 * </ul>
 */
public final class TxnBatches {
    public static final int COMMIT = -2;
    public static final int ABORT = -3;
    public static final String MARKER_HEADER = "grid.txn.marker";

    private TxnBatches() {
    }

    /** @return the producer id a transaction's batches carry in every partition: negative and below -1 */
    public static long producerId(UUID txnId) {
        long id = (txnId.getMostSignificantBits() ^ Long.rotateLeft(txnId.getLeastSignificantBits(), 17)) | Long.MIN_VALUE;
        return id == -1 ? -2 : id;
    }

    /** @return whether the batch belongs to a transaction (records or marker) */
    public static boolean transactional(BatchMeta meta) {
        return meta.producerId() < -1;
    }

    /** @return whether the batch is a transaction's commit or abort marker (never shown to readers) */
    public static boolean marker(BatchMeta meta) {
        return transactional(meta) && (meta.baseSequence() == COMMIT || meta.baseSequence() == ABORT);
    }

    /** @return the base sequence of a transaction's records batch: its timeout in whole seconds, rounded up */
    public static int recordsSequence(long timeoutMillis) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, (timeoutMillis + 999) / 1000));
    }

    /** @return the marker's one record */
    public static LogRecord markerRecord(boolean commit, long nowMillis) {
        return new LogRecord(null, new byte[0], nowMillis,
                List.of(new Header(MARKER_HEADER, (commit ? "commit" : "abort").getBytes(StandardCharsets.UTF_8))));
    }
}
