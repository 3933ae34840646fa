package dev.grid.server.impl.chaos;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;
import dev.grid.log.AppendResult;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * grid-log's promise checked from the outside: three {@code grid start} member processes (one synchronous backup), a
 * client appending unique records through idempotent producers, and a member killed with SIGKILL twice (restarted in
 * between). Afterwards every partition is read from offset 0 to its high watermark: every acknowledged record is there
 * exactly once, at the offset its acknowledgement named, and no record appears twice. The mutant (idempotence off, so
 * a batch sent again after its owner died is stored again) must make the same checker fail.
 */
@Tag("faults")
class LogKillProcessTest {
    private static final String TOPIC = "chaos-log";
    private static final int PARTITIONS = 8;
    private static final int KILLS = 2;

    /** What one run saw. */
    record Outcome(long acknowledged, long failed, long read, long lost, long duplicated, long misplaced) {
        String line() {
            return String.format("acknowledged %d, read %d, lost %d, duplicated %d (misplaced %d, failed sends %d)",
                    acknowledged, read, lost, duplicated, misplaced, failed);
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void everyAcknowledgedRecordIsReadExactlyOnceAfterTwoKills(@TempDir Path dir) throws Exception {
        Outcome outcome = run(dir, true);
        System.out.println("LogKillProcessTest: " + outcome.line());
        assertTrue(outcome.acknowledged() > 10_000, "the producers were not busy: " + outcome.line());
        assertEquals(0, outcome.lost(), outcome.line());
        assertEquals(0, outcome.duplicated(), outcome.line());
        assertEquals(0, outcome.misplaced(), outcome.line());
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void withoutIdempotenceTheCheckerFails(@TempDir Path dir) throws Exception {
        Outcome outcome = run(dir, false);
        System.out.println("LogKillProcessTest mutant (idempotence off): " + outcome.line());
        assertTrue(outcome.duplicated() + outcome.lost() + outcome.misplaced() > 0,
                "with idempotence off, retries after a kill should store batches twice: " + outcome.line());
    }

    private static Outcome run(Path dir, boolean idempotent) throws Exception {
        ChaosSettings settings = new ChaosSettings(KILLS, List.of(ChaosFault.KILL), 3, 1, 100, 1, 0, 31,
                ChaosCommand.memberJvmOptions("256m"), dir, false, 7, Duration.ofMinutes(2));
        String cluster = "log-chaos-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        try (MemberCluster members = new MemberCluster(settings, cluster)) {
            members.startAll();
            members.awaitSafe(3, settings.settleTimeout());
            GridClientConfig clientConfig = new GridClientConfig().setClusterName(cluster).setAddresses(members.addresses());
            try (Grid client = Grid.client(clientConfig)) {
                GridLog log = GridLog.of(client);
                log.createTopic(TOPIC, PARTITIONS);
                Map<String, AppendResult> acked = new ConcurrentHashMap<>();
                AtomicLong failed = new AtomicLong();
                AtomicBoolean stop = new AtomicBoolean();
                ProducerConfig config = new ProducerConfig().setIdempotence(idempotent).setLinger(Duration.ofMillis(2))
                        .setDeliveryTimeout(Duration.ofMinutes(1));
                Thread[] writers = new Thread[2];
                for (int w = 0; w < writers.length; w++) {
                    int writer = w;
                    writers[w] = new Thread(() -> produce(log, config, writer, acked, failed, stop), "log-chaos-writer-" + w);
                    writers[w].start();
                }
                for (int kill = 0; kill < KILLS; kill++) {
                    long target = acked.size() + 10_000;
                    awaitAcks(acked, target, Duration.ofSeconds(60));
                    int slot = members.liveSlots().get(ThreadLocalRandom.current().nextInt(members.liveSlots().size()));
                    System.out.println("LogKillProcessTest: kill " + (kill + 1) + ": SIGKILL " + members.describe(slot) + " at "
                            + acked.size() + " acknowledged");
                    members.kill(slot);
                    members.start(slot);
                    members.awaitSafe(3, settings.settleTimeout());
                }
                awaitAcks(acked, acked.size() + 5_000, Duration.ofSeconds(60));
                stop.set(true);
                for (Thread writer : writers) {
                    writer.join(TimeUnit.MINUTES.toMillis(2));
                }
                return check(log, acked, failed.get());
            }
        }
    }

    private static void produce(GridLog log, ProducerConfig config, int writer, Map<String, AppendResult> acked, AtomicLong failed,
                                AtomicBoolean stop) {
        Semaphore inFlight = new Semaphore(4_000);
        try (LogProducer producer = log.producer(config)) {
            for (long seq = 0; !stop.get(); seq++) {
                String id = "w" + writer + "-" + seq;
                inFlight.acquireUninterruptibly();
                producer.send(ProducerRecord.of(TOPIC, id, id)).whenComplete((result, error) -> {
                    inFlight.release();
                    if (error == null) {
                        acked.put(id, result);
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
        }
    }

    private static void awaitAcks(Map<String, AppendResult> acked, long target, Duration timeout) {
        await("the producers to reach " + target + " acknowledged records").atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> acked.size() >= target);
    }

    private static Outcome check(GridLog log, Map<String, AppendResult> acked, long failed) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Long> offsetOf = new HashMap<>();
        Map<String, Integer> partitionOf = new HashMap<>();
        long read = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            long end = log.endOffset(TOPIC, p);
            long next = log.startOffset(TOPIC, p);
            while (next < end) {
                FetchResult batch = log.read(TOPIC, p, next, 10_000);
                for (ConsumerRecord r : batch.records()) {
                    String id = r.valueAsString();
                    seen.merge(id, 1, Integer::sum);
                    offsetOf.put(id, r.offset());
                    partitionOf.put(id, p);
                    read++;
                }
                next = batch.nextOffset(next);
            }
        }
        long lost = 0;
        long misplaced = 0;
        for (Map.Entry<String, AppendResult> e : acked.entrySet()) {
            Integer count = seen.get(e.getKey());
            if (count == null) {
                lost++;
            } else if (offsetOf.get(e.getKey()) != e.getValue().offset() || partitionOf.get(e.getKey()) != e.getValue().partition()) {
                misplaced++;
            }
        }
        long duplicated = seen.values().stream().filter(c -> c > 1).mapToLong(c -> c - 1).sum();
        return new Outcome(acked.size(), failed, read, lost, duplicated, misplaced);
    }
}
