package dev.grid.perf.bench.log;

import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.core.GridModules;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.log.AppendResult;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ProducerRecord;
import dev.grid.log.ReadOptions;
import dev.grid.perf.bench.targets.ClusterSettings;
import dev.grid.perf.bench.targets.MemberProcesses;
import dev.grid.perf.bench.targets.TargetUnavailableException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.concurrent.locks.LockSupport;

/**
 * grid-log: grid members in child JVMs ({@code BenchMember}: 127.0.0.1, tcp-ip join, a random cluster name, their
 * files under a temporary directory deleted at the end), reached from this JVM as a grid client, as
 * {@code grid bench run} reaches them in client mode. Replicated: 3 members, 1 synchronous backup; single: 1 member,
 * no backup. Producer: {@link LogProducer}, idempotent, acks ALL, the linger and batch bytes of the options; reads:
 * {@link GridLog#readAsync} in a loop from offset 0, long-polling.
 */
final class GridLogTarget implements LogTarget {
    private static final int CLUSTER_PARTITIONS = 271;
    private static final Duration FORM_TIMEOUT = Duration.ofMinutes(2);
    /** The longest a call that should answer at once may take before the run fails naming it. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** grid's default, and Kafka's delivery.timeout.ms default (120 s). */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(2);
    /** grid's default, and Kafka's max.in.flight.requests.per.connection default. */
    private static final int MAX_IN_FLIGHT = 5;

    private final Topology topology;
    private final LogOptions options;
    private final MemberProcesses members;
    private final Grid client;
    private final GridLog log;
    private final Path dataRoot;
    private boolean closed;

    private GridLogTarget(Topology topology, LogOptions options, MemberProcesses members, Grid client, GridLog log, Path dataRoot) {
        this.topology = topology;
        this.options = options;
        this.members = members;
        this.client = client;
        this.log = log;
        this.dataRoot = dataRoot;
    }

    /**
     * @throws TargetUnavailableException if this build has no grid-log implementation
     */
    static GridLogTarget start(Topology topology, LogOptions options, Path logDirectory) {
        try {
            GridModules.provider(GridLog.Provider.class);
        } catch (GridException e) {
            throw new TargetUnavailableException("grid-log is not implemented in this build: " + e.getMessage());
        }
        Path dataRoot = TempDirectories.create("grid-bench-log-");
        String clusterName = "bench-log-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(topology.servers());
        List<String> addresses = new ArrayList<>();
        ports.forEach(p -> addresses.add("127.0.0.1:" + p));
        ClusterSettings settings = new ClusterSettings(topology.servers(), CLUSTER_PARTITIONS, options.serverHeap(), 1_000, options.recordSize(),
                List.of(), clusterName, Duration.ofSeconds(30), logDirectory, 0);
        MemberProcesses members = null;
        Grid client = null;
        try {
            members = MemberProcesses.start(clusterName, ports, addresses, settings,
                    List.of("backups=" + (topology.copies() - 1), "dataDir=" + dataRoot));
            client = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(addresses));
            long deadline = System.nanoTime() + FORM_TIMEOUT.toNanos();
            while (client.members().size() != topology.servers()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the client did not see " + topology.servers() + " members within " + FORM_TIMEOUT
                            + ": " + client.members());
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            return new GridLogTarget(topology, options, members, client, GridLog.of(client), dataRoot);
        } catch (RuntimeException e) {
            stop(client, members, dataRoot);
            throw e;
        }
    }

    @Override
    public LogSystem system() {
        return LogSystem.GRID;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("servers", topology.servers() + " member JVM(s) (-Xmx" + options.serverHeap() + "), " + (topology.copies() - 1)
                + " synchronous backup(s), " + CLUSTER_PARTITIONS + " cluster partitions; this JVM is a grid client");
        s.put("producer", "LogProducer.send(record, callback): idempotent, acks ALL, linger " + options.linger().toMillis() + " ms, batchBytes "
                + options.batchBytes() + " (a batch goes at once when its partition has none in flight and its last batch went "
                + new ProducerConfig().getIdleSendInterval().toNanos() / 1000 + " µs ago: sendWhenIdle and idleSendInterval, grid's defaults)"
                + ", bufferBytes " + LogOptions.BUFFER_BYTES + ", up to " + MAX_IN_FLIGHT
                + " batches in flight per partition (Kafka's max.in.flight.requests.per.connection default)");
        s.put("reader", "GridLog.readAsync from offset 0 in a loop: up to " + ReadOptions.MAX_RECORDS + " records and "
                + LogOptions.READ_BYTES + " bytes per read, long poll up to the poll's wait");
        s.put("storage", "segment files under a temporary directory (grid-log's defaults)");
        return s;
    }

    @Override
    public List<Long> childPids() {
        return members.pids();
    }

    @Override
    public void createTopic(String topic, int partitions) {
        Calls.within(CALL_TIMEOUT, "grid-log createTopic(" + topic + ", " + partitions + " partitions)",
                () -> log.createTopic(new GridTopicConfig(topic).setPartitions(partitions)));
    }

    @Override
    public Writer writer() {
        LogProducer producer = log.producer(new ProducerConfig()
                .setIdempotence(true)
                .setAcks(ProducerConfig.Acks.ALL)
                .setLinger(options.linger())
                .setBatchBytes(options.batchBytes())
                .setBufferBytes(LogOptions.BUFFER_BYTES)
                .setDeliveryTimeout(DELIVERY_TIMEOUT)
                .setMaxInFlight(MAX_IN_FLIGHT));
        int size = options.recordSize();
        return new Writer() {
            private Acks lastAcks;
            private BiConsumer<AppendResult, Throwable> callback;

            @Override
            public void send(String topic, int partition, long stamp, Acks acks) {
                if (acks != lastAcks) {
                    lastAcks = acks;
                    callback = (result, error) -> {
                        if (error == null) {
                            acks.acknowledged();
                        } else {
                            acks.failed(error);
                        }
                    };
                }
                producer.send(new ProducerRecord(topic, partition < 0 ? null : partition, null, RecordCodec.bytes(stamp, size), List.of(), -1),
                        callback);
            }

            @Override
            public void flush() {
                // the producer fails what it has not sent within its delivery timeout: longer than that is a hang
                Calls.within(DELIVERY_TIMEOUT.plus(CALL_TIMEOUT), "grid-log LogProducer.flush()", () -> {
                    producer.flush();
                    return null;
                });
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }

    @Override
    public Reader reader(String topic, int partition) {
        return new Reader() {
            private long next;

            @Override
            public int poll(Duration maxWait, LongConsumer stamps) {
                FetchResult read = Calls.get(log.readAsync(topic, partition, next, ReadOptions.MAX_RECORDS, LogOptions.READ_BYTES, maxWait),
                        maxWait.plus(CALL_TIMEOUT), "grid-log readAsync(" + topic + ", " + partition + ", " + next + ")");
                for (ConsumerRecord r : read.records()) {
                    stamps.accept(RecordCodec.stamp(r.value()));
                }
                next = read.nextOffset(next);
                return read.records().size();
            }

            @Override
            public void close() {
                // nothing held: each read is a call
            }
        };
    }

    /** Stops the client and the members (once: the watchdog of a step may call it too). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            stop(client, members, dataRoot);
        }
    }

    private static void stop(Grid client, MemberProcesses members, Path dataRoot) {
        try {
            MemberProcesses.stopAfter(client, members);
        } finally {
            TempDirectories.delete(dataRoot);
        }
    }
}
