package dev.grid.log.impl;

import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.partition.Partition;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.Grid;
import dev.grid.core.config.GridClock;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.IsolationLevel;
import dev.grid.log.GridLog;
import dev.grid.log.LocalLogStats;
import dev.grid.log.LogConsumer;
import dev.grid.log.LogException;
import dev.grid.log.LogProducer;
import dev.grid.log.MapChange;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import com.hazelcast.internal.serialization.impl.HeapData;
import dev.grid.log.PartitionInfo;
import dev.grid.log.PartitionLag;
import dev.grid.log.PartitionStats;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ReadOptions;
import dev.grid.log.TopicDescription;
import dev.grid.log.UnknownTopicException;
import dev.grid.log.impl.client.ClientLogInvoker;
import dev.grid.log.impl.consumer.DefaultLogConsumer;
import dev.grid.log.impl.group.GroupLag;
import dev.grid.log.impl.group.GroupService;
import dev.grid.log.impl.group.LocalGroupLag;
import dev.grid.log.impl.invoke.LogInvoker;
import dev.grid.log.impl.invoke.MemberLogInvoker;
import dev.grid.log.impl.operations.OffsetsOperation;
import dev.grid.log.impl.operations.ReadResponse;
import dev.grid.log.impl.producer.DefaultLogProducer;
import dev.grid.log.impl.replica.PartitionLog;
import dev.grid.log.impl.storage.LogBatch;
import dev.grid.log.impl.storage.LogRecord;
import dev.grid.log.impl.topic.TopicCall;
import dev.grid.log.impl.topic.TopicMeta;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * grid-log's API on a member or a client: every call becomes an operation on the owner of the log partition's cluster
 * partition, or a member call, through a {@link LogInvoker}. Topics' settings are cached after first use (a topic's
 * settings never change; a deleted topic's cached settings are dropped when an operation reports it unknown).
 */
public final class DefaultGridLog implements GridLog {
    private static final Map<HazelcastInstance, DefaultGridLog> LOGS = new ConcurrentHashMap<>();

    private final Grid grid;
    private final LogInvoker invoker;
    private final TopicReads reads;
    /** On a member: its log service and the lag of the groups it coordinates; null on a client. */
    private final GridLogService service;
    private final LocalGroupLag groupLag;
    private final GridClock clock;

    private DefaultGridLog(Grid grid, LogInvoker invoker, NodeEngine member) {
        this(grid, invoker, member, grid.clock());
    }

    private DefaultGridLog(Grid grid, LogInvoker invoker, NodeEngine member, GridClock clock) {
        this.grid = grid;
        this.clock = clock;
        this.invoker = invoker;
        this.reads = new TopicReads(invoker);
        this.service = member == null ? null : member.getService(GridLogService.SERVICE_NAME);
        this.groupLag = member == null ? null : new LocalGroupLag(member.getService(GroupService.SERVICE_NAME), this::startAndHighWatermarks);
    }

    /** @return the log of the grid's cluster; one per Hazelcast instance (on a member, registers {@link LogMetrics} once) */
    public static DefaultGridLog of(Grid grid) {
        HazelcastInstance hz = grid.hazelcast();
        DefaultGridLog log = LOGS.get(hz);
        if (log != null) {
            return log;
        }
        NodeEngine member = hz instanceof HazelcastInstanceProxy proxy ? proxy.getOriginal().node.getNodeEngine() : null;
        DefaultGridLog created = new DefaultGridLog(grid, invokerFor(hz), member);
        DefaultGridLog raced = LOGS.putIfAbsent(hz, created);
        if (raced != null) {
            return raced;
        }
        if (member != null) {
            grid.metrics().register(new LogMetrics(created, created.service.corruptionEvents()));
        }
        hz.getLifecycleService().addLifecycleListener(event -> {
            if (!hz.getLifecycleService().isRunning()) {
                LOGS.remove(hz);
            }
        });
        return created;
    }

    /**
     * The log as a member's own services use it when they hold no {@link Grid} (grid-log's change capture): topics and
     * producers only; not the instance {@link #of} gives, and it registers no metrics.
     */
    public static DefaultGridLog forMemberServices(NodeEngine member, GridClock clock) {
        return new DefaultGridLog(null, new MemberLogInvoker(member), member, clock);
    }

    /** @return the topic's settings if this log has them cached (so a producer's send of the topic does not wait), else null */
    public TopicMeta cachedTopic(String name) {
        return reads.cached(name);
    }

    private static LogInvoker invokerFor(HazelcastInstance hz) {
        if (hz instanceof HazelcastClientProxy client) {
            return new ClientLogInvoker(client.client);
        }
        if (hz instanceof HazelcastInstanceProxy member) {
            return new MemberLogInvoker(member.getOriginal().node.getNodeEngine());
        }
        throw new LogException("grid-log needs a grid member or client, not " + hz.getClass().getName());
    }

    public LogInvoker invoker() {
        return invoker;
    }

    public Grid grid() {
        return grid;
    }

    // ---- topics ----

    /** @return the topic's settings (cached); created with the members' defaults if {@code grid.log.autoCreateTopics} is on */
    public CompletableFuture<TopicMeta> topic(String name) {
        return reads.topic(name, true);
    }

    /** Forgets a topic's cached settings (an operation reported it unknown: deleted, maybe created again). */
    public void forget(String name) {
        reads.forget(name);
    }

    /** @return the cluster partition log partition {@code partition} of the topic lives on */
    public int clusterPartition(String topic, int partition) {
        return reads.clusterPartition(topic, partition);
    }

    @Override
    public TopicDescription createTopic(GridTopicConfig config) {
        TopicMeta meta = reads.remember((TopicMeta) join(invoker.onMember(TopicCall.create(config, clock.millis()))));
        return new TopicDescription(meta.config(), List.of());
    }

    @Override
    public boolean deleteTopic(String name) {
        reads.forget(name);
        return Boolean.TRUE.equals(join(invoker.onMember(TopicCall.delete(name))));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> topicNames() {
        return List.copyOf((List<String>) join(invoker.onMember(TopicCall.list())));
    }

    @Override
    public TopicDescription describeTopic(String name) {
        TopicMeta meta = reads.remember((TopicMeta) join(invoker.onMember(TopicCall.find(name, false))));
        List<CompletableFuture<long[]>> offsets = new ArrayList<>();
        for (int p = 0; p < meta.partitions(); p++) {
            offsets.add(invoker.onPartition(clusterPartition(name, p), new OffsetsOperation(meta, p, -1)));
        }
        Map<Integer, String> owners = owners();
        List<PartitionInfo> partitions = new ArrayList<>();
        for (int p = 0; p < meta.partitions(); p++) {
            long[] o = join(offsets.get(p));
            int cp = clusterPartition(name, p);
            partitions.add(new PartitionInfo(p, cp, owners.get(cp), o[OffsetsOperation.START], o[OffsetsOperation.HIGH_WATERMARK],
                    o[OffsetsOperation.END], o[OffsetsOperation.SIZE], (int) o[OffsetsOperation.SEGMENTS]));
        }
        return new TopicDescription(meta.config(), partitions);
    }

    private Map<Integer, String> owners() {
        Map<Integer, String> owners = new java.util.HashMap<>();
        for (Partition partition : grid.hazelcast().getPartitionService().getPartitions()) {
            owners.put(partition.getPartitionId(), partition.getOwner() == null ? null
                    : partition.getOwner().getAddress().getHost() + ":" + partition.getOwner().getAddress().getPort());
        }
        return owners;
    }

    @Override
    public <K, V> MapChange<K, V> mapChange(ConsumerRecord record) {
        SerializationService serialization = ((SerializationServiceSupport) grid.hazelcast()).getSerializationService();
        return MapChange.of(record, bytes -> serialization.toObject(new HeapData(bytes)));
    }

    // ---- producing ----

    @Override
    public LogProducer producer(ProducerConfig config) {
        return new DefaultLogProducer(this, config);
    }

    // ---- reading ----

    @Override
    public CompletableFuture<FetchResult> readAsync(String topic, int partition, long fromOffset, int maxRecords, int maxBytes,
                                                    Duration maxWait) {
        return readAsync(topic, partition, fromOffset, maxRecords, maxBytes, maxWait, IsolationLevel.READ_UNCOMMITTED);
    }

    @Override
    public CompletableFuture<FetchResult> readAsync(String topic, int partition, long fromOffset, int maxRecords, int maxBytes,
                                                    Duration maxWait, IsolationLevel isolation) {
        ReadOptions.check(topic, partition, fromOffset, maxRecords, maxBytes, maxWait);
        return reads.read(topic, partition, fromOffset, maxRecords, maxBytes, maxWait, true,
                java.util.Objects.requireNonNull(isolation, "isolation") == IsolationLevel.READ_COMMITTED);
    }

    static FetchResult toFetchResult(String topic, int partition, long fromOffset, int maxRecords, ReadResponse r) {
        int available = 0;
        for (LogBatch batch : r.batches()) {
            available += batch.recordCount();
        }
        List<ConsumerRecord> records = new ArrayList<>(Math.min(available, maxRecords));
        boolean cut = false;
        outer:
        for (LogBatch batch : r.batches()) {
            if (batch.nextOffset() <= fromOffset) {
                continue;
            }
            List<LogRecord> decoded = batch.records();
            for (int i = 0; i < decoded.size(); i++) {
                long offset = batch.baseOffset() + i;
                if (offset < fromOffset) {
                    continue;
                }
                if (offset >= r.highWatermark() || records.size() == maxRecords) {
                    cut = true;
                    break outer;
                }
                LogRecord record = decoded.get(i);
                records.add(new ConsumerRecord(topic, partition, offset, record.timestamp(), record.key(), record.value(), record.headers()));
            }
        }
        // the owner passed over markers and aborted records up to r.nextOffset(): the next read starts after them,
        // unless this read stopped before the end of what the owner sent
        long skippedTo = cut || r.nextOffset() > r.highWatermark() ? -1 : r.nextOffset();
        return new FetchResult(topic, partition, records, r.startOffset(), r.highWatermark(), skippedTo);
    }

    private long[] offsets(String topic, int partition, long timestamp) {
        return join(reads.offsets(topic, partition, timestamp, true));
    }

    @Override
    public long startOffset(String topic, int partition) {
        return offsets(topic, partition, -1)[OffsetsOperation.START];
    }

    @Override
    public long endOffset(String topic, int partition) {
        return offsets(topic, partition, -1)[OffsetsOperation.HIGH_WATERMARK];
    }

    @Override
    public OptionalLong offsetForTimestamp(String topic, int partition, long timestampMillis) {
        if (timestampMillis < 0) {
            throw new IllegalArgumentException("timestamp " + timestampMillis + " to seek " + topic + "-" + partition + " to is negative");
        }
        long found = offsets(topic, partition, timestampMillis)[OffsetsOperation.FOR_TIMESTAMP];
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }

    @Override
    public LogConsumer consumer(ConsumerConfig config) {
        return new DefaultLogConsumer(this, invoker, config.validate());
    }

    @Override
    public List<PartitionLag> lag(String group, String topic) {
        return join(GroupLag.lag(this, invoker, group, topic));
    }

    // ---- this member's statistics ----

    @Override
    public LocalLogStats localStats() {
        if (service == null) {
            throw new UnsupportedOperationException("a client holds no log partitions: read a member's /metrics or /api/topics, "
                    + "or use describeTopic and lag");
        }
        List<PartitionStats> partitions = new ArrayList<>();
        int backups = 0;
        for (PartitionLog replica : service.replicas()) {
            if (!replica.leading()) {
                backups++;
                continue;
            }
            partitions.add(new PartitionStats(replica.topic(), replica.partition(), replica.clusterPartition(), replica.log().startOffset(),
                    replica.highWatermark(), replica.log().endOffset(), replica.log().sizeInBytes(), replica.log().segmentCount(),
                    replica.appendedRecords(), replica.appendedBytes(), replica.segmentsDeleted()));
        }
        partitions.sort(Comparator.comparing(PartitionStats::topic).thenComparingInt(PartitionStats::partition));
        return new LocalLogStats(partitions, partitions.size(), backups, service.diskBudget().usedBytes(), service.logConfig().getDiskBudget(),
                service.appendedRecords(), service.appendedBytes(), groupLag.latest());
    }

    /**
     * @return per partition of the topic, {@code {startOffset, highWatermark}} as its owner answers; fails with
     *         {@link UnknownTopicException} if there is no such topic (never creates it)
     */
    CompletableFuture<List<long[]>> startAndHighWatermarks(String topic) {
        return reads.forgettingUnknown(topic, reads.topic(topic, false).thenCompose(m -> {
            List<CompletableFuture<long[]>> offsets = new ArrayList<>(m.partitions());
            for (int p = 0; p < m.partitions(); p++) {
                offsets.add(invoker.onPartition(clusterPartition(topic, p), new OffsetsOperation(m, p, -1)));
            }
            return CompletableFuture.allOf(offsets.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<long[]> marks = new ArrayList<>(offsets.size());
                for (CompletableFuture<long[]> o : offsets) {
                    long[] answer = o.join();
                    marks.add(new long[] {answer[OffsetsOperation.START], answer[OffsetsOperation.HIGH_WATERMARK]});
                }
                return marks;
            });
        }));
    }

    /** Waits for an answer, rethrowing the member's exception as thrown. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                runtime.addSuppressed(new LogException("waited here"));
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new LogException(String.valueOf(cause), cause);
        }
    }
}
