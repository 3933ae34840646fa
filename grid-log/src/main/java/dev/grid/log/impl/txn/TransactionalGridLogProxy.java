package dev.grid.log.impl.txn;

import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.transaction.TransactionNotActiveException;
import com.hazelcast.transaction.impl.Transaction;
import dev.grid.log.GridLog;
import dev.grid.log.LogException;
import dev.grid.log.PartitionOutOfRangeException;
import dev.grid.log.ProducerRecord;
import dev.grid.log.RecordTooLargeException;
import dev.grid.log.TopicPartition;
import dev.grid.log.TransactionalGridLog;
import dev.grid.log.impl.GridLogService;
import dev.grid.log.impl.group.GroupOffsetsTxnRecord;
import dev.grid.log.impl.replica.TxnBatches;
import dev.grid.log.impl.storage.LogRecord;
import dev.grid.log.impl.topic.TopicMeta;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The log inside one transaction, on the member where the transaction lives (Hazelcast creates it through
 * {@link LogTxnService#createTransactionalObject}, once per transaction): gathers the records sent per log partition
 * into one {@link LogTxnRecord} each, and the offsets per consumer group into one {@link GroupOffsetsTxnRecord} each,
 * in the transaction's log. Nothing reaches a partition before the transaction prepares.
 *
 * <p>Calls are serialized per instance: a transaction belongs to one thread.
 */
public final class TransactionalGridLogProxy implements TransactionalGridLog {
    /** The largest batch of one transaction in one partition (what one append may carry, less room for its header). */
    static final int MAX_PARTITION_BYTES = 16 << 20;

    private final String name;
    private final NodeEngine nodeEngine;
    private final GridLogService service;
    private final Transaction tx;
    private final long producerId;
    private final Map<String, LogTxnRecord> partitions = new HashMap<>();
    private final Map<String, GroupOffsetsTxnRecord> groups = new HashMap<>();
    private final Map<String, Integer> stickyPartitions = new HashMap<>();

    public TransactionalGridLogProxy(String name, NodeEngine nodeEngine, GridLogService service, Transaction tx) {
        this.name = name;
        this.nodeEngine = nodeEngine;
        this.service = service;
        this.tx = tx;
        this.producerId = TxnBatches.producerId(tx.getTxnId());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getServiceName() {
        return LogTxnService.SERVICE_NAME;
    }

    @Override
    public String getPartitionKey() {
        return name;
    }

    /** Nothing to destroy: the object lives as long as its transaction. */
    @Override
    public void destroy() {
    }

    @Override
    public synchronized TopicPartition send(ProducerRecord record) {
        Objects.requireNonNull(record, "a transactional send needs a record, got null");
        checkActive("send to topic '" + record.topic() + "'");
        TopicMeta topic = service.topic(record.topic());
        int partition = partitionFor(topic, record);
        LogRecord stored = new LogRecord(record.key(), record.value(), record.timestamp(), record.headers());
        int size = stored.encodedSize();
        if (size > topic.maxRecordBytes()) {
            throw new RecordTooLargeException("topic " + topic.name() + ": a record of " + size + " bytes is above the topic's maxRecordBytes of "
                    + topic.maxRecordBytes() + "; nothing was added to transaction " + tx.getTxnId());
        }
        String key = topic.name() + "#" + partition;
        LogTxnRecord txnRecord = partitions.get(key);
        if (txnRecord == null) {
            txnRecord = new LogTxnRecord(topic, partition, service.clusterPartition(topic.name(), partition), producerId,
                    TxnBatches.recordsSequence(tx.getTimeoutMillis()));
            partitions.put(key, txnRecord);
            tx.add(txnRecord);
        }
        if ((long) txnRecord.sizeInBytes() + size > MAX_PARTITION_BYTES) {
            throw new LogException(topic.name() + "-" + partition + ": transaction " + tx.getTxnId() + " would store more than "
                    + MAX_PARTITION_BYTES + " bytes in this partition; one transaction's records in one partition must fit one batch");
        }
        txnRecord.add(stored);
        return new TopicPartition(topic.name(), partition);
    }

    private int partitionFor(TopicMeta topic, ProducerRecord record) {
        if (record.partition() != null) {
            int p = record.partition();
            if (p < 0 || p >= topic.partitions()) {
                throw new PartitionOutOfRangeException(topic.name(), p, topic.partitions());
            }
            return p;
        }
        if (record.key() != null) {
            return GridLog.partitionForKey(record.key(), topic.partitions());
        }
        return stickyPartitions.computeIfAbsent(topic.name(), t -> ThreadLocalRandom.current().nextInt(topic.partitions()));
    }

    @Override
    public synchronized void commitOffsets(String group, String memberId, Map<TopicPartition, Long> offsets) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(memberId, "a transactional offset commit needs the consumer's member id, got null");
        Objects.requireNonNull(offsets, "offsets");
        checkActive("commit offsets of consumer group '" + group + "'");
        offsets.forEach((partition, offset) -> {
            if (offset == null || offset < 0) {
                throw new IllegalArgumentException("offset " + offset + " committed for " + partition + " in consumer group " + group
                        + " is negative");
            }
        });
        GroupOffsetsTxnRecord record = groups.get(group);
        if (record != null && !record.memberId().equals(memberId)) {
            throw new IllegalArgumentException("consumer group '" + group + "': transaction " + tx.getTxnId() + " commits offsets of member "
                    + record.memberId() + " already, not of " + memberId);
        }
        if (record == null) {
            record = new GroupOffsetsTxnRecord(group, memberId, nodeEngine.getPartitionService().getPartitionId(group));
            groups.put(group, record);
            tx.add(record);
        }
        record.add(offsets);
    }

    private void checkActive(String call) {
        Transaction.State state = tx.getState();
        if (state != Transaction.State.ACTIVE) {
            throw new TransactionNotActiveException("grid-log: cannot " + call + ": transaction " + tx.getTxnId() + " is " + state
                    + ", not active; a TransactionalGridLog is usable only until its transaction commits or rolls back");
        }
    }

    @Override
    public String toString() {
        return "TransactionalGridLog[txn " + tx.getTxnId() + "]";
    }
}
