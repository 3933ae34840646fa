package dev.grid.log;

import com.hazelcast.transaction.TransactionContext;
import dev.grid.core.GridModules;
import com.hazelcast.transaction.TransactionalObject;

import java.util.Map;
import java.util.Objects;

/**
 * The log inside a Hazelcast transaction of a member or a client (a {@code TransactionContext}, or the context of an
 * XA resource, as grid-txn's {@code TransactionScope.transactionContext()} gives): records sent here are stored in their
 * partitions at prepare, marked with the transaction, and are visible to {@link IsolationLevel#READ_COMMITTED} readers
 * only once it commits, never if it rolls back; consumer group offsets committed here are stored with the
 * transaction's commit or not at all. So consume, update a GridMap, append and commit offsets is one atomic step.
 *
 * <pre>{@code
 * TransactionContext tx = hz.newTransactionContext();          // TWO_PHASE, the default
 * tx.beginTransaction();
 * TransactionalGridLog log = TransactionalGridLog.in(tx);
 * log.send(ProducerRecord.of("totals", "sku-1", "17"));
 * log.commitOffsets("billing", consumer.memberId(), Map.of(new TopicPartition("orders", 3), 1042L));
 * tx.commitTransaction();
 * }</pre>
 *
 * <p>What is promised and what is not: {@code docs/log.md}, "Transactions". Calls after the transaction committed or
 * rolled back are refused with Hazelcast's {@code TransactionNotActiveException} naming the topic and the transaction.
 * On a client the calls go to the member running the transaction, over the connection the transaction lives on.
 *
 * @since 0.1
 */
public interface TransactionalGridLog extends TransactionalObject {
    /** The Hazelcast service name the log's transactional objects live under. */
    String SERVICE_NAME = "grid:logTxnService";
    /** The name of the one transactional log object of a transaction. */
    String OBJECT_NAME = "grid-log";

    /**
     * @param context a member's or a client's transaction context (of a transaction or an XA branch), begun
     * @return the log in that transaction (on a member, one per transaction; a client's sends its calls to the member
     *         running the transaction)
     */
    static TransactionalGridLog in(TransactionContext context) {
        Objects.requireNonNull(context, "a TransactionalGridLog needs a transaction context, got null");
        return GridModules.provider(GridLog.Provider.class).transactional(context);
    }

    /**
     * Adds a record to the transaction. It goes to its partition (the record's, else its key's, else one partition the
     * transaction picks per topic) when the transaction prepares (or, in a one-phase commit, commits).
     *
     * @return the partition the record goes to
     * @throws UnknownTopicException                          naming the topic (unless topics are created automatically)
     * @throws PartitionOutOfRangeException                   for a partition the topic does not have
     * @throws RecordTooLargeException                        for a record above the topic's {@code maxRecordBytes}
     * @throws com.hazelcast.transaction.TransactionNotActiveException if the transaction is not active any more
     */
    TopicPartition send(ProducerRecord record);

    /**
     * Commits a consumer group's offsets (the next record to process, per partition) with this transaction. At prepare
     * the group's coordinator checks that {@code memberId} holds each partition (else {@link NotAssignedException}, and
     * the transaction rolls back); at commit the offsets are stored. Use a consumer with automatic commit off.
     */
    void commitOffsets(String group, String memberId, Map<TopicPartition, Long> offsets);
}
