package dev.grid.server.impl.chaos;

import dev.grid.core.Grid;
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
import java.util.concurrent.Semaphore;
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
 * exactly once, at the offset its acknowledgement named, no record appears twice, and each writer's records to a
 * partition are in the order it sent them. The mutant (idempotence off, so
 * a batch sent again after its owner died is stored again) must make the same checker fail.
 */
@Tag("faults")
class LogKillProcessTest {
    private static final String TOPIC = "chaos-log";
    private static final int PARTITIONS = 8;
    private static final int KILLS = 2;
    private static final long MAX_RECORDS_PER_WRITER = 8_000_000;

    /** What one run saw. */
    record Outcome(long acknowledged, long failed, long read, long lost, long duplicated, long misplaced, long reordered) {
        String line() {
            return String.format("acknowledged %d, read %d, lost %d, duplicated %d (misplaced %d, out of send order %d, failed sends %d)",
                    acknowledged, read, lost, duplicated, misplaced, reordered, failed);
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
        assertEquals(0, outcome.reordered(), outcome.line());
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
        try (ThreeMemberKills members = ThreeMemberKills.start(dir, "LogKillProcessTest", "256m", 7)) {
            try (Grid client = members.client()) {
                GridLog log = GridLog.of(client);
                log.createTopic(TOPIC, PARTITIONS);
                AppendLedger[] ledgers = {new AppendLedger(), new AppendLedger()};
                AtomicLong failed = new AtomicLong();
                AtomicBoolean stop = new AtomicBoolean();
                ProducerConfig config = new ProducerConfig().setIdempotence(idempotent).setLinger(Duration.ofMillis(2))
                        .setDeliveryTimeout(Duration.ofMinutes(1));
                Thread[] writers = new Thread[ledgers.length];
                for (int w = 0; w < writers.length; w++) {
                    int writer = w;
                    writers[w] = new Thread(() -> produce(log, config, writer, ledgers[writer], failed, stop), "log-chaos-writer-" + w);
                    writers[w].start();
                }
                try {
                    for (int kill = 0; kill < KILLS; kill++) {
                        long target = acknowledged(ledgers) + 10_000;
                        awaitAcks(ledgers, target, Duration.ofSeconds(60));
                        members.killAndRestart(kill + 1, () -> acknowledged(ledgers) + " acknowledged");
                        System.out.println("LogKillProcessTest: kill " + (kill + 1) + ": " + acknowledged(ledgers) + " acknowledged");
                    }
                    awaitAcks(ledgers, acknowledged(ledgers) + 5_000, Duration.ofSeconds(60));
                } finally {
                    stop.set(true);
                    for (Thread writer : writers) {
                        writer.join(TimeUnit.MINUTES.toMillis(2));
                    }
                }
                return check(log, ledgers, failed.get());
            }
        }
    }

    /**
     * One writer: unique values {@code w<writer>-<seq>}, at most 4,000 in flight, at most {@link #MAX_RECORDS_PER_WRITER} in
     * all so that the ledgers stay small on a fast machine.
     */
    private static void produce(GridLog log, ProducerConfig config, int writer, AppendLedger ledger, AtomicLong failed,
                                AtomicBoolean stop) {
        Semaphore inFlight = new Semaphore(4_000);
        try (LogProducer producer = log.producer(config)) {
            for (long seq = 0; !stop.get() && seq < MAX_RECORDS_PER_WRITER; seq++) {
                long sequence = seq;
                String id = "w" + writer + "-" + seq;
                inFlight.acquireUninterruptibly();
                producer.send(ProducerRecord.of(TOPIC, id, id)).whenComplete((result, error) -> {
                    inFlight.release();
                    if (error == null) {
                        ledger.acknowledged(sequence, result.partition(), result.offset());
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
        }
    }

    private static long acknowledged(AppendLedger[] ledgers) {
        long sum = 0;
        for (AppendLedger ledger : ledgers) {
            sum += ledger.acknowledgedCount();
        }
        return sum;
    }

    private static void awaitAcks(AppendLedger[] ledgers, long target, Duration timeout) {
        await("the producers to reach " + target + " acknowledged records").atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged(ledgers) >= target);
    }

    private static Outcome check(GridLog log, AppendLedger[] ledgers, long failed) {
        long read = 0;
        long misplaced = 0;
        long reordered = 0;
        for (int p = 0; p < PARTITIONS; p++) {
            long[] lastSeq = new long[ledgers.length];
            java.util.Arrays.fill(lastSeq, -1);
            long end = log.endOffset(TOPIC, p);
            long next = log.startOffset(TOPIC, p);
            while (next < end) {
                FetchResult batch = log.read(TOPIC, p, next, 10_000);
                for (ConsumerRecord r : batch.records()) {
                    String id = r.valueAsString();
                    int dash = id.indexOf('-');
                    int writer = Integer.parseInt(id.substring(1, dash));
                    long seq = Long.parseLong(id.substring(dash + 1));
                    if (!ledgers[writer].read(seq, p, r.offset())) {
                        misplaced++;
                    }
                    // one writer's records to one partition are stored in the order it sent them (a batch sent again
                    // and stored twice by the mutant shows up here too)
                    if (seq < lastSeq[writer]) {
                        reordered++;
                    }
                    lastSeq[writer] = Math.max(lastSeq[writer], seq);
                    read++;
                }
                next = batch.nextOffset(next);
            }
        }
        long lost = 0;
        long duplicated = 0;
        for (AppendLedger ledger : ledgers) {
            lost += ledger.lost();
            duplicated += ledger.duplicated();
        }
        return new Outcome(acknowledged(ledgers), failed, read, lost, duplicated, misplaced, reordered);
    }
}
