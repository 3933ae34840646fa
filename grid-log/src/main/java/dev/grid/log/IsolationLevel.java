package dev.grid.log;

/**
 * What a read sees of transactional records (appended through {@link TransactionalGridLog}), as Kafka's
 * {@code isolation.level}. Transaction markers are never returned, at either level; they take an offset each.
 */
public enum IsolationLevel {
    /** Every record below the high watermark, including those of open and aborted transactions (the default). */
    READ_UNCOMMITTED,
    /**
     * Only records of committed transactions and non-transactional records, up to the last stable offset: the first
     * offset of the oldest transaction still open in the partition, so order per partition is kept. Records of aborted
     * transactions are skipped.
     */
    READ_COMMITTED
}
