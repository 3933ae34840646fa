package dev.grid.stream;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.pipeline.Sink;
import dev.grid.core.GridModules;
import dev.grid.log.ProducerRecord;

import java.time.Duration;

/**
 * Jet sinks into grid's data. {@link #gridMap} sets one entry per item: a set of the same key to the same value is
 * idempotent, so after a job restarts from a snapshot and emits again what it emitted after that snapshot, the map
 * ends as if it had been written once. With a deterministic pipeline (windowed aggregates keyed by key and window,
 * say) fed by an exactly-once source, the map's content is exactly once.
 *
 * <p>{@link #log} appends each item as a record to a log topic. In a job with
 * {@link com.hazelcast.jet.config.ProcessingGuarantee#EXACTLY_ONCE} its appends are transactional and committed with
 * Jet's two-phase snapshot commit: a {@link dev.grid.log.IsolationLevel#READ_COMMITTED} reader of the topic sees each
 * item's record exactly once, also when members fail and the job restarts (the records of transactions not covered by
 * the restored snapshot are aborted, and those items are appended again). A committed transaction's records become
 * visible after the snapshot that covers them, so the output lags by up to the snapshot interval.
 * {@code READ_UNCOMMITTED} readers see aborted records too. With {@code AT_LEAST_ONCE} or {@code NONE}, each batch of
 * items is appended and committed at once: visible sooner, appended again after a restart.
 */
public final class GridSinks {

    private GridSinks() {
    }

    /**
     * @param name    a GridMap (it must exist when the job starts)
     * @param keyFn   the entry's key of an item
     * @param valueFn the entry's value of an item (null deletes the key)
     * @return a sink that sets each item's entry; its writes are complete before each snapshot is taken
     */
    public static <T, K, V> Sink<T> gridMap(String name, FunctionEx<? super T, ? extends K> keyFn,
                                            FunctionEx<? super T, ? extends V> valueFn) {
        return GridModules.provider(Provider.class).gridMap(name, keyFn, valueFn);
    }

    /** The transaction timeout of {@link #log} sinks unless given: Hazelcast's default for transactions, 2 minutes. */
    public static final Duration DEFAULT_LOG_TRANSACTION_TIMEOUT = Duration.ofMinutes(2);

    /**
     * @param topic   a log topic (it must exist when the job starts)
     * @param keyFn   the record's key of an item (UTF-8; null: no key, the partition is picked per transaction)
     * @param valueFn the record's value of an item (UTF-8; null: an empty value)
     * @return a sink appending one record per item to the topic, its partition the key's; exactly once for
     *         {@code READ_COMMITTED} readers in {@code EXACTLY_ONCE} jobs (see the class comment)
     */
    public static <T> Sink<T> log(String topic, FunctionEx<? super T, String> keyFn, FunctionEx<? super T, String> valueFn) {
        java.util.Objects.requireNonNull(keyFn, "keyFn");
        java.util.Objects.requireNonNull(valueFn, "valueFn");
        return logRecords(topic, item -> {
            String value = valueFn.apply(item);
            return ProducerRecord.of(topic, keyFn.apply(item), value == null ? "" : value);
        }, DEFAULT_LOG_TRANSACTION_TIMEOUT);
    }

    /**
     * As {@link #log(String, FunctionEx, FunctionEx)}, with each item's whole record (partition, key, value, headers,
     * timestamp) of your own; a null record appends nothing. The records must name the sink's topic.
     *
     * @param transactionTimeout how long a transaction of an {@code EXACTLY_ONCE} sink may stay open, from its first
     *                           record to its commit; past it the transaction is aborted and its records are lost. Keep
     *                           it above the snapshot interval plus the time a restart takes (a member's loss noticed,
     *                           the job planned and restored: tens of seconds). It also bounds how long
     *                           {@code READ_COMMITTED} readers of a partition wait behind a transaction whose member
     *                           died while it prepared. Whole seconds, at least 1.
     * @throws IllegalArgumentException for a timeout below 1 s
     */
    public static <T> Sink<T> logRecords(String topic, FunctionEx<? super T, ProducerRecord> recordFn, Duration transactionTimeout) {
        return GridModules.provider(Provider.class).log(topic, recordFn, transactionTimeout);
    }

    /** grid-stream's implementation of the sinks, found with {@link java.util.ServiceLoader}. */
    public interface Provider {
        /** @return the sink of {@link GridSinks#logRecords} */
        <T> Sink<T> log(String topic, FunctionEx<? super T, ProducerRecord> recordFn, Duration transactionTimeout);

        /** @return the sink of {@link GridSinks#gridMap} */
        <T, K, V> Sink<T> gridMap(String name, FunctionEx<? super T, ? extends K> keyFn, FunctionEx<? super T, ? extends V> valueFn);
    }
}
