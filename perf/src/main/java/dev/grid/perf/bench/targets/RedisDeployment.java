package dev.grid.perf.bench.targets;

import dev.grid.core.spi.FreePorts;
import dev.grid.perf.bench.ycsb.Workload;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code redis}: a {@code redis-server} child process on a free port of 127.0.0.1, persistence
 * off, reached through a Jedis connection pool with one connection per benchmark thread. Only used
 * when {@code redis-server} is on the PATH. Scans are not supported: Redis keeps keys hashed, and
 * YCSB's own Redis binding scans through a sorted-set index of every key, which is not built here.
 *
 * <p>Not exercised by the test suite on machines without Redis (this code path was written without
 * a Redis server to run it against).
 */
final class RedisDeployment implements Deployment {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process server;
    private final RedisClient jedis;

    private RedisDeployment(Process server, RedisClient jedis) {
        this.server = server;
        this.jedis = jedis;
    }

    /** @return the redis-server executable on the PATH, or null */
    static Path findServer() {
        return Executables.onPath("redis-server");
    }

    static RedisDeployment start(ClusterSettings settings, int threads) {
        Path binary = findServer();
        if (binary == null) {
            throw new TargetUnavailableException("redis-server not on PATH");
        }
        int port = FreePorts.loopback(1).get(0);
        Process server;
        try {
            Files.createDirectories(settings.logDirectory());
            server = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no")
                    .redirectErrorStream(true)
                    .redirectOutput(settings.logDirectory().resolve("redis-" + port + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        ChildProcesses.register(server);
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(threads + 2);
        pool.setMaxIdle(threads + 2);
        RedisClient jedis = RedisClient.builder().hostAndPort("127.0.0.1", port).poolConfig(pool).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                jedis.ping();
                return new RedisDeployment(server, jedis);
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    jedis.close();
                    ChildProcesses.destroy(List.of(server));
                    throw new IllegalStateException("redis-server on port " + port + " did not answer within " + START_TIMEOUT, e);
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    @Override
    public String mode() {
        return "server";
    }

    @Override
    public int members() {
        return 1;
    }

    @Override
    public BenchTarget open(Workload workload) {
        jedis.flushAll();
        return new RedisTarget(jedis);
    }

    @Override
    public List<Long> childPids() {
        return List.of(server.pid());
    }

    @Override
    public void close() {
        try {
            jedis.close();
        } finally {
            ChildProcesses.destroy(List.of(server));
        }
    }

    /** GET and SET of byte arrays; MSET for the load phase. */
    private static final class RedisTarget implements BenchTarget {
        private final RedisClient jedis;

        RedisTarget(RedisClient jedis) {
            this.jedis = jedis;
        }

        @Override
        public byte[] read(String key) {
            return jedis.get(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void update(String key, byte[] record) {
            jedis.set(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), record);
        }

        @Override
        public void load(Map<String, byte[]> records) {
            byte[][] keysAndValues = new byte[records.size() * 2][];
            int i = 0;
            for (Map.Entry<String, byte[]> e : records.entrySet()) {
                keysAndValues[i++] = e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                keysAndValues[i++] = e.getValue();
            }
            jedis.mset(keysAndValues);
        }

        @Override
        public int scan(String startKey, int count) {
            throw new UnsupportedOperationException(scanSupport());
        }

        @Override
        public String scanSupport() {
            return "redis keeps keys hashed; an ordered scan needs a sorted-set index of every key, not built here";
        }

        @Override
        public void close() {
            jedis.flushAll();
        }
    }
}
