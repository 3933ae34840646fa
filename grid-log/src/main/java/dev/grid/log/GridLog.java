package dev.grid.log;

import dev.grid.core.Grid;
import dev.grid.core.GridModules;
import dev.grid.core.config.GridTopicConfig;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * grid's distributed log: topics split into partitions, each partition an append-only sequence of
 * records on disk with dense offsets, living on the cluster partition its (topic, index) hashes to, so
 * it has the same owner and backups as GridMap data there and moves with it. The same API on members
 * and clients.
 *
 * <pre>{@code
 * GridLog log = GridLog.of(grid);
 * log.createTopic(new GridTopicConfig("orders").setPartitions(8));
 * try (LogProducer producer = log.producer()) {
 *     AppendResult at = producer.send(ProducerRecord.of("orders", "customer-7", "{...}")).join();
 * }
 * FetchResult read = log.read("orders", 0, 0, 500);
 * }</pre>
 *
 * <p>Guarantees (see {@code docs/log.md}): an append is acknowledged once the partition's owner and its
 * synchronous backups hold it; readers only see records below the high watermark, which every in-sync
 * replica holds, so no reader sees a record one failure could remove; offsets are dense and never reused;
 * order per partition is the order of appends; an idempotent producer's retries never duplicate a record.
 *
 * @since 0.1
 */
public interface GridLog {

    /**
     * @param grid an embedded member or a client
     * @return the log of that grid's cluster
     */
    static GridLog of(Grid grid) {
        return GridModules.provider(Provider.class).log(grid);
    }

    /**
     * Creates a topic.
     *
     * @return the topic as created
     * @throws TopicExistsException if a topic of that name exists (with its settings)
     */
    TopicDescription createTopic(GridTopicConfig config);

    /** Creates a topic with {@code partitions} partitions and the default settings. */
    default TopicDescription createTopic(String name, int partitions) {
        return createTopic(new GridTopicConfig(name).setPartitions(partitions));
    }

    /**
     * Deletes a topic and every replica's files.
     *
     * @return false if there was no such topic
     */
    boolean deleteTopic(String name);

    /** @return the names of the cluster's topics, sorted */
    List<String> topicNames();

    /**
     * @return the topic's settings and each partition's owner and offsets
     * @throws UnknownTopicException naming the topic
     */
    TopicDescription describeTopic(String name);

    /** @return a producer with the default settings (idempotent, acknowledged by synchronous backups) */
    default LogProducer producer() {
        return producer(new ProducerConfig());
    }

    /** @return a producer; close it to send what it buffers and release it */
    LogProducer producer(ProducerConfig config);

    /**
     * Reads a partition from an offset, without waiting.
     *
     * @throws UnknownTopicException           naming the topic
     * @throws PartitionOutOfRangeException    naming the topic, the partition and how many it has
     * @throws OffsetOutOfRangeException       if {@code fromOffset} is below the start offset (the error names it) or above
     *                                         the high watermark
     */
    default FetchResult read(String topic, int partition, long fromOffset, int maxRecords) {
        return LogFutures.join(readAsync(topic, partition, fromOffset, maxRecords, ReadOptions.DEFAULT_MAX_BYTES, Duration.ZERO));
    }

    /**
     * Reads a partition from an offset: batch and historical reads, and long polling. When no record at or
     * after {@code fromOffset} is below the high watermark, the owner waits up to {@code maxWait} for one
     * (holding no thread) and answers as soon as one is.
     *
     * @param maxRecords at most this many records (1 to 100,000)
     * @param maxBytes   at most about this many bytes beyond the first record (which is always returned)
     * @param maxWait    zero to answer at once; at most 30 s
     */
    CompletableFuture<FetchResult> readAsync(String topic, int partition, long fromOffset, int maxRecords, int maxBytes,
                                             Duration maxWait);

    /**
     * As {@link #readAsync(String, int, long, int, int, Duration)}, at an isolation level: with
     * {@link IsolationLevel#READ_COMMITTED} only records of committed transactions (and non-transactional ones), up to
     * the last stable offset. A {@code read_committed} long poll may answer before {@code maxWait} with no records when
     * records arrived that it may not see yet.
     */
    default CompletableFuture<FetchResult> readAsync(String topic, int partition, long fromOffset, int maxRecords, int maxBytes,
                                                     Duration maxWait, IsolationLevel isolation) {
        if (isolation == IsolationLevel.READ_UNCOMMITTED) {
            return readAsync(topic, partition, fromOffset, maxRecords, maxBytes, maxWait);
        }
        throw new UnsupportedOperationException("this GridLog (" + getClass().getName() + ") has no " + isolation + " reads");
    }

    /** @return the partition's first offset still kept */
    long startOffset(String topic, int partition);

    /** @return the partition's high watermark: the offset the next record readers will see gets */
    long endOffset(String topic, int partition);

    /**
     * @return the first offset whose record's timestamp is at or after {@code timestampMillis}, or empty if no
     *         record below the high watermark is that recent
     */
    OptionalLong offsetForTimestamp(String topic, int partition, long timestampMillis);

    /**
     * @return a consumer: in a group when {@link ConsumerConfig#getGroup()} is set (partitions assigned among the
     *         group's members, offsets committed in the cluster), else reading every partition of its topics itself
     */
    LogConsumer consumer(ConsumerConfig config);

    /**
     * @return the committed offset of each partition of the topic for the group, and the lag behind each
     *         partition's high watermark
     */
    List<PartitionLag> lag(String group, String topic);

    /**
     * What this member holds of the log, without asking the cluster: the partitions it owns with their offsets and
     * appends, its replicas and disk use, and the lag of the consumer groups it coordinates (measured in the
     * background: see {@link LocalLogStats#groupLags()}). It never waits for another member. grid-monitor builds the
     * metrics, the counters file and the topics page from it.
     *
     * @return this member's log statistics
     * @throws UnsupportedOperationException on a client (read a member's {@code /metrics} or {@code /api/topics}), and
     *                                       by implementations that are not a member's (the default)
     */
    default LocalLogStats localStats() {
        throw new UnsupportedOperationException("this GridLog (" + getClass().getName() + ") is not a member's: it has no local statistics");
    }

    /**
     * Reads a record of a map's change topic ({@link MapChange#topicOf}) as the change it records: key and value
     * deserialized with this grid's serialization (the classes must be on this side's class path).
     *
     * @throws IllegalArgumentException naming the record, if it is not a change record
     */
    default <K, V> MapChange<K, V> mapChange(ConsumerRecord record) {
        throw new UnsupportedOperationException("this GridLog (" + getClass().getName() + ") cannot read map changes");
    }

    /** @return the partition a record with this key goes to in a topic of {@code partitions} partitions */
    static int partitionForKey(byte[] key, int partitions) {
        return KeyPartitioner.partition(key, partitions);
    }

    /** How a grid gives its log; implemented by grid-log's implementation. */
    interface Provider {
        GridLog log(Grid grid);

        /** @return the log in a member's or a client's transaction (see {@link TransactionalGridLog#in}) */
        default TransactionalGridLog transactional(com.hazelcast.transaction.TransactionContext context) {
            throw new UnsupportedOperationException("this GridLog provider (" + getClass().getName() + ") has no transactional log");
        }
    }
}
