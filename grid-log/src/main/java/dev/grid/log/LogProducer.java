package dev.grid.log;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Sends records, batching those for the same partition (see {@link ProducerConfig}). Thread-safe. With
 * idempotence on (the default), a batch sent again after a timeout or a failover is stored once: the
 * producer has an id and numbers its batches per partition, and the partition's owner (and its backups,
 * which take over its state) keep the last numbers of each producer.
 */
public interface LogProducer extends AutoCloseable {

    /**
     * Queues a record.
     *
     * @return completes with where the record went once the owner and its synchronous backups hold it, or with
     *         the error ({@link UnknownTopicException}, {@link PartitionOutOfRangeException}, {@link RecordTooLargeException},
     *         {@link LogDiskFullException}, or {@link LogException} when {@link ProducerConfig#getDeliveryTimeout()} passed)
     */
    CompletableFuture<AppendResult> send(ProducerRecord record);

    /**
     * Queues a record, like {@link #send(ProducerRecord)}, and calls {@code callback} with where it went or the error (the
     * same errors), once, on one of the producer's threads: keep it short. grid's producer makes no future for it: for
     * senders that do not wait for each record, as Kafka's {@code send(record, callback)}.
     */
    default void send(ProducerRecord record, BiConsumer<AppendResult, Throwable> callback) {
        send(record).whenComplete(callback);
    }

    /** Sends every queued record now and waits until each is acknowledged or failed. */
    void flush();

    /** @return this producer's id (-1 when idempotence is off) */
    long producerId();

    /** Sends what is queued, waits for it, and releases the producer. */
    @Override
    void close();
}
