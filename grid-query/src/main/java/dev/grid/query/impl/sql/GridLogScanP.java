package dev.grid.query.impl.sql;

import com.hazelcast.cluster.Member;
import com.hazelcast.jet.Traverser;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.core.AbstractProcessor;
import com.hazelcast.jet.core.EventTimeMapper;
import com.hazelcast.jet.core.EventTimePolicy;
import com.hazelcast.jet.sql.impl.ExpressionUtil;
import com.hazelcast.jet.sql.impl.extract.JsonQueryTarget;
import com.hazelcast.sql.impl.QueryException;
import com.hazelcast.sql.impl.expression.Expression;
import com.hazelcast.sql.impl.expression.ExpressionEvalContext;
import com.hazelcast.sql.impl.extract.QueryExtractor;
import com.hazelcast.sql.impl.row.JetSqlRow;
import com.hazelcast.sql.impl.type.QueryDataType;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.ReadOptions;
import dev.grid.log.spi.MemberLog;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads a member's share of a topic's partitions: the log partitions {@link GridLogScanMetaSupplier} gave it (those
 * whose cluster partition this member owned when the query started), through {@link MemberLog}, so each read runs as an
 * operation on this member. One read is in flight per partition at a time, all partitions at once.
 *
 * <p>A batch query reads each partition from its start, or from where the filter's bounds let it start (an offset, or
 * a seek by time), up to its high watermark when the query started (or the filter's upper offset bound). A stream
 * starts at the high watermark (or the start, with {@code 'startFrom'='earliest'}) and long-polls for new records until
 * the query is cancelled. The query's filter and projection run on each record as it arrives.
 */
final class GridLogScanP extends AbstractProcessor {
    private static final int MAX_RECORDS = 10_000;
    private static final Duration POLL = Duration.ofMillis(500);

    /** What the filter's bounds allow: one partition or all, offsets {@code [fromOffset, toOffset)}, timestamps from {@code fromTime}. */
    record Range(int partition, long fromOffset, long toOffset, long fromTime, boolean none) {
        static final Range ALL = new Range(-1, 0, Long.MAX_VALUE, -1, false);
        static final Range NONE = new Range(-1, 0, 0, -1, true);

        Range partition(int p) {
            return partition >= 0 && partition != p || p < 0 ? NONE : new Range(p, fromOffset, toOffset, fromTime, none);
        }

        Range fromOffset(long offset) {
            return new Range(partition, Math.max(fromOffset, offset), toOffset, fromTime, none);
        }

        Range toOffset(long offset) {
            return new Range(partition, fromOffset, Math.min(toOffset, offset), fromTime, none);
        }

        Range fromTime(long millis) {
            return new Range(partition, fromOffset, toOffset, Math.max(fromTime, millis), none);
        }
    }

    private final List<Integer> logPartitions;
    private final String topic;
    private final List<String> externalNames;
    private final List<QueryDataType> types;
    private final boolean keyAsBytes;
    private final boolean valueAsBytes;
    private final boolean stream;
    private final boolean fromEarliest;
    private final Expression<Boolean> filter;
    private final List<Expression<?>> projection;
    private final Range range;
    private final ExpressionEvalContext evalContext;
    private final JsonQueryTarget json = new JsonQueryTarget();
    private QueryExtractor[] jsonFields;
    private MemberLog log;
    private final List<Cursor> cursors = new ArrayList<>();
    private Traverser<?> pending = Traversers.empty();
    /** Event time of a stream read with an ordering function ({@code IMPOSE_ORDER}); null otherwise. */
    private final EventTimePolicy<JetSqlRow> eventTimePolicy;
    private EventTimeMapper<JetSqlRow> eventTime;

    /** Where one partition's read is. */
    private static final class Cursor {
        final int partition;
        /** Its index among this processor's partitions (the event time mapper's partition index). */
        int index;
        long next;
        final long end;
        CompletableFuture<FetchResult> read;

        Cursor(int partition, long next, long end) {
            this.partition = partition;
            this.next = next;
            this.end = end;
        }
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    GridLogScanP(List<Integer> logPartitions, String topic, List<String> externalNames, List<QueryDataType> types, boolean keyAsBytes, boolean valueAsBytes,
                 boolean stream, boolean fromEarliest, Expression<Boolean> filter, List<Expression<?>> projection, Range range,
                 ExpressionEvalContext evalContext, EventTimePolicy<JetSqlRow> eventTimePolicy) {
        this.eventTimePolicy = eventTimePolicy;
        this.logPartitions = logPartitions;
        this.topic = topic;
        this.externalNames = externalNames;
        this.types = types;
        this.keyAsBytes = keyAsBytes;
        this.valueAsBytes = valueAsBytes;
        this.stream = stream;
        this.fromEarliest = fromEarliest;
        this.filter = filter;
        this.projection = projection;
        this.range = range;
        this.evalContext = evalContext;
    }

    @Override
    public boolean isCooperative() {
        return false;
    }

    @Override
    protected void init(Context context) {
        log = MemberLog.of(context.hazelcastInstance());
        jsonFields = new QueryExtractor[externalNames.size()];
        for (int i = 0; i < jsonFields.length; i++) {
            String name = externalNames.get(i);
            if (name.startsWith(LogMapping.VALUE_PREFIX)) {
                jsonFields[i] = json.createExtractor(name.substring(LogMapping.VALUE_PREFIX.length()), types.get(i));
            }
        }
        if (!range.none()) {
            plan(context);
        }
        if (eventTimePolicy != null) {
            // watermarks per log partition; a processor with none is idle at once, so it never holds windows back
            eventTime = new EventTimeMapper<>(eventTimePolicy);
            eventTime.addPartitions(cursors.size());
        }
    }

    private void plan(Context context) {
        for (int p : logPartitions) {
            if (range.partition() < 0 || range.partition() == p) {
                int clusterPartition = log.clusterPartition(topic, p);
                Member owner = context.hazelcastInstance().getPartitionService().getPartition(clusterPartition).getOwner();
                boolean local = owner != null && owner.getUuid().equals(context.hazelcastInstance().getCluster().getLocalMember().getUuid());
                (local ? LogScanCounters.LOCAL_PARTITIONS : LogScanCounters.REMOTE_PARTITIONS).increment();
                Cursor cursor = start(p);
                if (cursor != null) {
                    cursor.index = cursors.size();
                    cursors.add(cursor);
                }
            }
        }
    }

    /** @return where a partition's read starts and ends, or null if it has nothing the query can match */
    private Cursor start(int partition) {
        long[] marks = call(() -> log.startAndHighWatermark(topic, partition).join());
        long start = marks[0];
        long highWatermark = marks[1];
        if (stream) {
            return new Cursor(partition, fromEarliest ? Math.max(start, range.fromOffset()) : highWatermark, range.toOffset());
        }
        long from = Math.max(start, range.fromOffset());
        if (range.fromTime() >= 0) {
            LogScanCounters.TIME_SEEKS.increment();
            OptionalLong atTime = call(() -> log.offsetForTimestamp(topic, partition, range.fromTime()).join());
            if (atTime.isEmpty()) {
                return null;
            }
            from = Math.max(from, atTime.getAsLong());
        }
        long end = Math.min(highWatermark, range.toOffset());
        return from < end ? new Cursor(partition, from, end) : null;
    }

    @Override
    public boolean complete() {
        if (!emitFromTraverser(pending)) {
            return false;
        }
        boolean received = false;
        for (int i = 0; i < cursors.size(); i++) {
            Cursor cursor = cursors.get(i);
            if (cursor.read == null) {
                if (cursor.next >= cursor.end) {
                    if (!stream) {
                        cursors.remove(i--);
                    }
                    continue;
                }
                cursor.read = log.read(topic, cursor.partition, cursor.next, MAX_RECORDS, ReadOptions.DEFAULT_MAX_BYTES,
                        stream ? POLL : Duration.ZERO);
            }
            if (!cursor.read.isDone()) {
                continue;
            }
            FetchResult result = call(cursor.read::join);
            cursor.read = null;
            List<Object> rows = new ArrayList<>();
            for (ConsumerRecord record : result.records()) {
                if (record.offset() >= cursor.end) {
                    break;
                }
                LogScanCounters.RECORDS_READ.increment();
                received = true;
                cursor.next = record.offset() + 1;
                JetSqlRow row = ExpressionUtil.evaluate(filter, projection, row(record), evalContext);
                if (row == null) {
                    continue;
                }
                if (eventTime == null) {
                    rows.add(row);
                } else {
                    drain(eventTime.flatMapEvent(row, cursor.index, EventTimeMapper.NO_NATIVE_TIME), rows);
                }
            }
            if (!stream && result.records().isEmpty()) {
                // retention deleted records meanwhile: go on from the new start, if the read moved at all
                long restart = Math.max(cursor.next, result.startOffset());
                if (restart == cursor.next || result.highWatermark() <= restart) {
                    cursors.remove(i--);
                } else {
                    cursor.next = restart;
                }
            }
            pending = Traversers.traverseIterable(rows);
            if (!emitFromTraverser(pending)) {
                return false;
            }
        }
        if (eventTime != null && !received) {
            List<Object> idle = new ArrayList<>();
            drain(eventTime.flatMapIdle(), idle);
            pending = Traversers.traverseIterable(idle);
            emitFromTraverser(pending);
        }
        return !stream && cursors.isEmpty();
    }

    private static void drain(Traverser<Object> traverser, List<Object> into) {
        for (Object item; (item = traverser.next()) != null; ) {
            into.add(item);
        }
    }

    private JetSqlRow row(ConsumerRecord record) {
        Object[] values = new Object[externalNames.size()];
        boolean parsed = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (externalNames.get(i)) {
                case LogMapping.PARTITION -> record.partition();
                case LogMapping.OFFSET -> record.offset();
                case LogMapping.TIMESTAMP -> OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC);
                case LogMapping.KEY -> keyAsBytes ? record.key() : record.keyAsString();
                case LogMapping.VALUE -> record.value() == null ? null : valueAsBytes ? record.value() : record.valueAsString();
                default -> {
                    if (record.value() == null) {
                        yield null;
                    }
                    if (!parsed) {
                        parse(record);
                        parsed = true;
                    }
                    yield jsonFields[i].get();
                }
            };
        }
        return new JetSqlRow(evalContext.getSerializationService(), values);
    }

    private void parse(ConsumerRecord record) {
        try {
            json.setTarget(record.value(), null);
        } catch (Exception e) {
            throw QueryException.error("GridLog topic '" + topic + "', partition " + record.partition() + ", offset " + record.offset()
                    + ": the value is not a JSON object (" + e.getMessage() + ")", e);
        }
    }

    private <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw QueryException.error("reading GridLog topic '" + topic + "': " + cause.getMessage(), cause);
        } catch (RuntimeException e) {
            throw QueryException.error("reading GridLog topic '" + topic + "': " + e.getMessage(), e);
        }
    }
}
