package dev.grid.perf.bench.log;

import dev.grid.core.spi.FreePorts;
import dev.grid.perf.bench.targets.ChildProcesses;
import dev.grid.perf.bench.targets.Executables;
import dev.grid.perf.bench.targets.TargetUnavailableException;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Redis Streams: a {@code redis-server} child process on a free port of 127.0.0.1 (only when one is on the PATH),
 * its append-only file on and flushed by the OS ({@code appendfsync no}: written like Kafka's and grid's segments,
 * not forced to disk), in a temporary directory deleted at the end. A topic partition is a stream
 * ({@code TOPIC-PARTITION}); a record is one entry whose field {@code v} holds the record. Producer: pipelined XADD on
 * one connection, a pipeline sent when it holds the batch bytes of the options or its first record has waited the
 * linger (Jedis has no sender thread: the fixed-rate loop gives it {@link Writer#idle()} calls); reader: XREAD from
 * {@code 0-0}, blocking up to the poll's wait. Single topology only (no synchronous replica).
 */
final class RedisStreamsTarget implements LogTarget {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final String FIELD = "v";
    private static final byte[] FIELD_BYTES = FIELD.getBytes(StandardCharsets.UTF_8);

    private final LogOptions options;
    private final Process server;
    private final RedisClient redis;
    private final Path dataDirectory;
    private final String version;
    private final Map<String, Integer> partitions = new ConcurrentHashMap<>();
    private boolean closed;

    private RedisStreamsTarget(LogOptions options, Process server, RedisClient redis, Path dataDirectory, String version) {
        this.options = options;
        this.server = server;
        this.redis = redis;
        this.dataDirectory = dataDirectory;
        this.version = version;
    }

    /** @throws TargetUnavailableException if {@code redis-server} is not on the PATH */
    static RedisStreamsTarget start(LogOptions options, Path logDirectory) {
        Path binary = Executables.onPath("redis-server");
        if (binary == null) {
            throw new TargetUnavailableException("redis-server is not on the PATH (Debian: apt-get install redis-server)");
        }
        int port = FreePorts.loopback(1).get(0);
        Path data = TempDirectories.create("grid-bench-redis-");
        Process server;
        try {
            Files.createDirectories(logDirectory);
            server = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "no",
                    "--daemonize", "no", "--save", "", "--appendonly", "yes", "--appendfsync", "no", "--dir", data.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDirectory.resolve("redis-" + port + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            TempDirectories.delete(data);
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        ChildProcesses.register(server);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(8);
        pool.setMaxIdle(8);
        RedisClient redis = RedisClient.builder().hostAndPort("127.0.0.1", port).poolConfig(pool).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                redis.ping();
                String info = redis.info("server");
                String version = info.lines().filter(l -> l.startsWith("redis_version:")).map(l -> l.substring("redis_version:".length()).trim())
                        .findFirst().orElse("?");
                return new RedisStreamsTarget(options, server, redis, data, version);
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    redis.close();
                    ChildProcesses.kill(List.of(server));
                    TempDirectories.delete(data);
                    throw new IllegalStateException("redis-server on port " + port + " did not answer within " + START_TIMEOUT.toSeconds()
                            + " s; " + KafkaCluster.tail(logDirectory.resolve("redis-" + port + ".log")), e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    @Override
    public LogSystem system() {
        return LogSystem.REDIS;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("servers", "1 redis-server " + version + ", appendonly yes, appendfsync no (the AOF is flushed by the OS), no replica");
        s.put("producer", "Jedis pipelined XADD on one connection: a pipeline is synced (its replies read: the records acknowledged) "
                + "when it holds " + batchRecords() + " records (batch bytes / record size) or its first record has waited "
                + options.linger().toMillis() + " ms; Jedis writes queued commands to the socket whenever its 8 KiB output buffer fills");
        s.put("reader", "Jedis XREAD COUNT " + readCount() + " from 0-0, BLOCK up to the poll's wait");
        return s;
    }

    @Override
    public List<Long> childPids() {
        return List.of(server.pid());
    }

    @Override
    public void createTopic(String topic, int count) {
        partitions.put(topic, count);
    }

    private int batchRecords() {
        return Math.max(1, options.batchBytes() / options.recordSize());
    }

    private int readCount() {
        return Math.max(1, LogOptions.READ_BYTES / options.recordSize());
    }

    @Override
    public Writer writer() {
        Pipeline pipeline = redis.pipelined();
        int size = options.recordSize();
        int batch = batchRecords();
        long lingerNanos = options.linger().toNanos();
        return new Writer() {
            private int pending;
            private long firstPending;
            private Acks pendingAcks;
            private int sticky;
            private final Map<String, byte[]> keys = new HashMap<>();
            private final XAddParams params = XAddParams.xAddParams();

            @Override
            public void send(String topic, int partition, long stamp, Acks acks) {
                if (pending > 0 && acks != pendingAcks) {
                    sync();
                }
                int p = partition >= 0 ? partition : sticky;
                byte[] key = keys.computeIfAbsent(topic + "-" + p, k -> k.getBytes(StandardCharsets.UTF_8));
                pipeline.xadd(key, params, Map.of(FIELD_BYTES, RecordCodec.textBytes(stamp, size)));
                if (pending++ == 0) {
                    firstPending = System.nanoTime();
                    pendingAcks = acks;
                }
                if (pending >= batch) {
                    sync();
                    if (partition < 0) {
                        sticky = (sticky + 1) % partitions.getOrDefault(topic, 1);
                    }
                }
            }

            @Override
            public void idle() {
                if (pending > 0 && System.nanoTime() - firstPending >= lingerNanos) {
                    sync();
                }
            }

            @Override
            public void flush() {
                if (pending > 0) {
                    sync();
                }
            }

            private void sync() {
                List<Object> replies = pipeline.syncAndReturnAll();
                for (Object reply : replies) {
                    if (reply instanceof Throwable error) {
                        pendingAcks.failed(error);
                    } else {
                        pendingAcks.acknowledged();
                    }
                }
                pending = 0;
            }

            @Override
            public void close() {
                flush();
                pipeline.close();
            }
        };
    }

    @Override
    public Reader reader(String topic, int partition) {
        String key = topic + "-" + partition;
        int count = readCount();
        return new Reader() {
            private StreamEntryID last = new StreamEntryID(0, 0);

            @Override
            public int poll(Duration maxWait, LongConsumer stamps) {
                XReadParams params = XReadParams.xReadParams().count(count);
                if (maxWait.toMillis() > 0) {
                    params.block((int) maxWait.toMillis());
                }
                List<Map.Entry<String, List<StreamEntry>>> read = redis.xread(params, Map.of(key, last));
                if (read == null) {
                    return 0;
                }
                int n = 0;
                for (Map.Entry<String, List<StreamEntry>> stream : read) {
                    for (StreamEntry entry : stream.getValue()) {
                        stamps.accept(RecordCodec.stamp(entry.getFields().get(FIELD)));
                        last = entry.getID();
                        n++;
                    }
                }
                return n;
            }

            @Override
            public void close() {
                // pooled connections: nothing held between reads
            }
        };
    }

    /** Stops the server (once: the watchdog of a step may call it too). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            redis.close();
        } finally {
            ChildProcesses.kill(List.of(server));
            TempDirectories.delete(dataDirectory);
        }
    }
}
