package dev.grid.stream.impl;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.jet.core.BroadcastKey;
import com.hazelcast.jet.core.EventTimeMapper;
import com.hazelcast.jet.core.EventTimePolicy;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.OffsetOutOfRangeException;
import dev.grid.log.ReadOptions;
import dev.grid.log.spi.MemberLog;
import dev.grid.stream.LogSourceOptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static com.hazelcast.jet.core.BroadcastKey.broadcastKey;

/**
 * Reads the log partitions whose cluster partitions Jet assigned to this processor, through {@link MemberLog} (so on
 * their owner each read is an operation on this member), one read in flight per partition. Emits each record's item
 * with the record's timestamp as event time, and watermarks per log partition ({@link EventTimeMapper}).
 *
 * <p>A partition's next offset moves past a record only once the record's item is in the outbox, so the offsets this
 * processor saves to a snapshot are exactly where its emitted items end. The snapshot holds, per log partition, a
 * broadcast entry {@code partition -> {nextOffset, watermark}}; a restored processor receives every processor's
 * entries and keeps those of the partitions it reads now (the assignment may differ after a member left or joined).
 */
final class LogSourceP<T> extends AbstractProcessor {
    private static final int MAX_RECORDS = 2_000;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long RETRY_NANOS = Duration.ofMillis(100).toNanos();

    private final String topic;
    private final LogSourceOptions options;
    private final FunctionEx<ConsumerRecord, T> projection;
    private final EventTimePolicy<? super T> eventTimePolicy;
    private final Map<Integer, Long> starts;
    private MemberLog log;
    private EventTimeMapper<T> eventTime;
    private final List<Cursor> cursors = new ArrayList<>();
    private final Map<Integer, Cursor> byPartition = new HashMap<>();
    private boolean started;
    /** The items of the record being emitted, and where it is; null when none is. */
    private Traverser<Object> emitting;
    private Cursor emittingCursor;
    private Traverser<Map.Entry<BroadcastKey<Integer>, long[]>> snapshotting;

    /** One log partition's read. */
    private static final class Cursor {
        final int partition;
        /** Its index among this processor's partitions (the event time mapper's). */
        final int index;
        /** Where reading starts without a restored offset (the options' start, resolved when the processor initialises). */
        long start;
        /** The offset of the next record to emit; -1 until restored from a snapshot or started. */
        long next = -1;
        CompletableFuture<FetchResult> read;
        /** When a read refused for an offset above the high watermark may be sent again ({@link System#nanoTime}); 0: now. */
        long retryAt;
        List<ConsumerRecord> batch;
        int position;
        /** The batch's read passed over the offsets up to this one (exclusive) without returning them; -1: none. */
        long skippedTo = -1;

        Cursor(int partition, int index) {
            this.partition = partition;
            this.index = index;
        }
    }

    /**
     * @param starts where each of the member's log partitions starts without a snapshot, resolved when the execution
     *               initialised on the member
     */
    LogSourceP(String topic, LogSourceOptions options, FunctionEx<ConsumerRecord, T> projection,
               EventTimePolicy<? super T> eventTimePolicy, Map<Integer, Long> starts) {
        this.starts = starts;
        this.topic = topic;
        this.options = options;
        this.projection = projection;
        this.eventTimePolicy = eventTimePolicy;
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    protected void init(Context context) {
        log = MemberLog.of(context.hazelcastInstance());
        if (projection instanceof MemberProjection<?> onMember) {
            onMember.bind(context.hazelcastInstance());
        }
        int partitions = StreamErrors.checkTopic(log, topic);
        Set<Integer> mine = new HashSet<>();
        for (int clusterPartition : context.processorPartitions()) {
            mine.add(clusterPartition);
        }
        for (int p = 0; p < partitions; p++) {
            if (mine.contains(log.clusterPartition(topic, p))) {
                Cursor cursor = new Cursor(p, cursors.size());
                cursors.add(cursor);
                byPartition.put(p, cursor);
            }
        }
        for (Cursor cursor : cursors) {
            Long start = starts.get(cursor.partition);
            cursor.start = start != null ? start : startOffset(log, topic, cursor.partition, options);
        }
        eventTime = new EventTimeMapper<>(withIdleTimeout(eventTimePolicy, options.idleTimeout()));
        eventTime.addPartitions(cursors.size());
        context.logger().info("log source of topic '" + topic + "' reads partitions "
                + cursors.stream().map(c -> c.partition).toList() + " on this member");
    }

    private static <T> EventTimePolicy<T> withIdleTimeout(EventTimePolicy<T> policy, Duration idleTimeout) {
        return EventTimePolicy.eventTimePolicy(policy.timestampFn(), policy.wrapFn(), policy.newWmPolicyFn(),
                policy.watermarkThrottlingFrameSize(), policy.watermarkThrottlingFrameOffset(), idleTimeout.toMillis(), policy.wmKey());
    }

    @Override
    protected void restoreFromSnapshot(Object key, Object value) {
        @SuppressWarnings("unchecked")
        int partition = ((BroadcastKey<Integer>) key).key();
        Cursor cursor = byPartition.get(partition);
        if (cursor != null) { // another processor's partition before the restart: not ours now
            long[] state = (long[]) value;
            cursor.next = state[0];
            eventTime.restoreWatermark(cursor.index, state[1]);
        }
    }

    @Override
    public boolean saveToSnapshot() {
        if (snapshotting == null) {
            start();
            snapshotting = Traversers.traverseIterable(cursors)
                    .map(c -> Map.entry(broadcastKey(c.partition), new long[]{c.next, eventTime.getWatermark(c.index)}));
        }
        if (!emitFromTraverserToSnapshot(snapshotting)) {
            return false;
        }
        snapshotting = null;
        return true;
    }

    @Override
    public boolean complete() {
        start();
        if (emitting != null && !finishEmitting()) {
            return false;
        }
        boolean received = false;
        for (Cursor cursor : cursors) {
            if (cursor.batch == null && !fetched(cursor)) {
                continue;
            }
            while (cursor.position < cursor.batch.size()) {
                ConsumerRecord record = cursor.batch.get(cursor.position);
                if (record.offset() < cursor.next) {
                    cursor.position++;
                    continue;
                }
                received = true;
                T item = projection.apply(record);
                emitting = item == null ? Traversers.empty() : eventTime.flatMapEvent(item, cursor.index, record.timestamp());
                emittingCursor = cursor;
                if (!finishEmitting()) {
                    return false;
                }
            }
            cursor.batch = null;
            // the read may have passed over offsets after its last record (a transaction's marker): move past them too
            cursor.next = Math.max(cursor.next, cursor.skippedTo);
        }
        if (!received) {
            emitting = eventTime.flatMapIdle();
            emittingCursor = null;
            finishEmitting();
        }
        return false;
    }

    /** @return whether the current record's items are all in the outbox (then its partition moves past it) */
    private boolean finishEmitting() {
        if (!emitFromTraverser(emitting)) {
            return false;
        }
        if (emittingCursor != null) {
            Cursor cursor = emittingCursor;
            cursor.next = cursor.batch.get(cursor.position).offset() + 1;
            cursor.position++;
        }
        emitting = null;
        emittingCursor = null;
        return true;
    }

    /** @return whether the cursor has a batch of records to emit: a read it sent earlier completed with some */
    private boolean fetched(Cursor cursor) {
        if (cursor.read == null) {
            if (cursor.retryAt != 0 && System.nanoTime() - cursor.retryAt < 0) {
                return false;
            }
            cursor.retryAt = 0;
            cursor.read = log.read(topic, cursor.partition, cursor.next, MAX_RECORDS, ReadOptions.DEFAULT_MAX_BYTES, POLL, options.isolation());
        }
        if (!cursor.read.isDone()) {
            return false;
        }
        CompletableFuture<FetchResult> read = cursor.read;
        cursor.read = null;
        FetchResult result;
        try {
            result = read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof OffsetOutOfRangeException) {
                long[] marks = startAndHighWatermark(cursor.partition);
                if (cursor.next < marks[0]) {
                    // retention deleted records the job had not read yet: go on from the partition's first record
                    cursor.next = marks[0];
                } else {
                    // above the high watermark (a given start offset, or a new owner whose high watermark has not yet
                    // caught up with the one the offset was read below): wait for it, never move the offset back
                    cursor.retryAt = System.nanoTime() + RETRY_NANOS;
                }
                return false;
            }
            throw StreamErrors.failure("reading topic '" + topic + "' partition " + cursor.partition + " from offset " + cursor.next,
                    e.getCause());
        }
        if (result.records().isEmpty()) {
            // offsets passed over (transaction markers, aborted records) produce no item: the partition moves past them
            cursor.next = result.nextOffset(cursor.next);
            return false;
        }
        cursor.batch = result.records();
        cursor.position = 0;
        cursor.skippedTo = result.skippedTo();
        return true;
    }

    /** @return where the options say a partition's reading starts, as the partition is now */
    static long startOffset(MemberLog log, String topic, int partition, LogSourceOptions options) {
        long[] marks;
        try {
            marks = log.startAndHighWatermark(topic, partition).join();
        } catch (CompletionException e) {
            throw StreamErrors.failure("reading topic '" + topic + "' partition " + partition, e.getCause());
        }
        return switch (options.start()) {
            case EARLIEST -> marks[0];
            case LATEST -> marks[1];
            case OFFSETS -> Math.max(marks[0], options.offsets().getOrDefault(partition, marks[0]));
        };
    }

    /** Sets each partition without a restored offset to where the options say reading starts; once, after any restore. */
    private void start() {
        if (started) {
            return;
        }
        for (Cursor cursor : cursors) {
            if (cursor.next < 0) {
                cursor.next = cursor.start;
            }
        }
        started = true;
    }

    private long[] startAndHighWatermark(int partition) {
        try {
            return log.startAndHighWatermark(topic, partition).join();
        } catch (CompletionException e) {
            throw StreamErrors.failure("reading topic '" + topic + "' partition " + partition, e.getCause());
        }
    }
}
