package dev.grid.server;

import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.spi.FreePorts;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.PartitionLag;
import dev.grid.log.ProducerRecord;
import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer group of three {@code grid consume --group} processes reading a topic while a client appends to it; one
 * consumer is killed with SIGKILL once the group has settled. Its partitions must move to the others within the session timeout (10 s)
 * plus one second (measured from the kill to the first record of those partitions another consumer prints); no
 * committed offset ever goes backwards (sampled every 50 ms); every record is printed at least once; duplicates
 * (records the killed consumer printed but had not committed) are counted and printed.
 */
@Tag("faults")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ConsumerGroupProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final long SESSION_TIMEOUT_MILLIS = 10_000;
    private static final String TOPIC = "work";
    private static final int PARTITIONS = 6;

    @Test
    void aKilledConsumersPartitionsMoveWithinItsSessionTimeoutAndEveryRecordIsProcessed(@TempDir Path dir) throws Exception {
        String clusterName = "group-" + UUID.randomUUID().toString().substring(0, 8);
        int port = FreePorts.loopback(1).get(0);
        Path config = dir.resolve("grid.yaml");
        Files.writeString(config, MemberProcess.singleMemberYaml(clusterName, port, dir.resolve("data")));
        List<MemberProcess> processes = new ArrayList<>();
        try (MemberProcess member = MemberProcess.start(dir, "start", "--config", config.toString())) {
            processes.add(member);
            member.awaitOutput(TIMEOUT, out -> out.contains("partitions safe:"));
            try (Grid client = Grid.client(new GridClientConfig().setClusterName(clusterName).setAddresses(List.of("127.0.0.1:" + port)))) {
                GridLog log = GridLog.of(client);
                log.createTopic(TOPIC, PARTITIONS);
                AtomicLong produced = new AtomicLong();
                AtomicBoolean stop = new AtomicBoolean();
                // paced by a timer, not by sleeping: 50 records every 10 ms (about 4,000 a second, each acknowledged in
                // turn), and the group's committed offsets sampled every 50 ms
                ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2, r -> {
                    Thread t = new Thread(r, "group-test-pacer");
                    t.setDaemon(true); // a failed test leaves no thread behind
                    return t;
                });
                LogProducer producer = log.producer();
                pacer.scheduleWithFixedDelay(() -> {
                    for (int i = 0; i < 50 && !stop.get(); i++) {
                        long id = produced.get();
                        producer.send(ProducerRecord.of(TOPIC, "k" + id, "r" + id)).join();
                        produced.incrementAndGet();
                    }
                }, 0, 10, TimeUnit.MILLISECONDS);

                Map<Integer, Long> committed = new HashMap<>();
                AtomicReference<String> backwards = new AtomicReference<>();
                ScheduledFuture<?> sampler = pacer.scheduleAtFixedRate(() -> {
                    try {
                        for (PartitionLag lag : log.lag("g", TOPIC)) {
                            Long before = committed.put(lag.partition(), lag.committedOffset());
                            if (before != null && lag.committedOffset() < before) {
                                backwards.compareAndSet(null, "partition " + lag.partition() + ": " + before + " then " + lag.committedOffset());
                            }
                        }
                    } catch (RuntimeException e) {
                        // the group may not exist yet
                    }
                }, 0, 50, TimeUnit.MILLISECONDS);

                List<MemberProcess> consumers = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    MemberProcess consumer = MemberProcess.start(dir, "consume", TOPIC, "--config", config.toString(), "--group", "g",
                            "--from-beginning", "--print-offset");
                    consumers.add(consumer);
                    processes.add(consumer);
                }
                // settled: in the last second every consumer printed records of partitions no other consumer printed,
                // and together they printed every partition
                Map<MemberProcess, Integer> seen = new HashMap<>();
                Map<MemberProcess, Set<Integer>> lastWindow = new HashMap<>();
                await("the group to settle on three consumers").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> settled(consumers, seen, lastWindow));
                MemberProcess victim = consumers.get(0);
                Set<Integer> victimPartitions = lastWindow.get(victim);
                victim.kill(TIMEOUT);
                long killedAt = System.nanoTime();
                Map<MemberProcess, Integer> seenBeforeKill = new HashMap<>();
                for (MemberProcess survivor : consumers.subList(1, 3)) {
                    seenBeforeKill.put(survivor, lines(survivor).size());
                }
                await("another consumer to read the killed consumer's partitions").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> printedSince(consumers.subList(1, 3), seenBeforeKill, victimPartitions) > 0);
                long movedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                await("the survivors to go on reading those partitions").atMost(Duration.ofSeconds(60))
                        .until(() -> printedSince(consumers.subList(1, 3), seenBeforeKill, victimPartitions) >= 500);
                stop.set(true);
                sampler.cancel(false);
                pacer.shutdown();
                assertTrue(pacer.awaitTermination(30, TimeUnit.SECONDS), "the producer stopped");
                producer.close();
                long total = produced.get();

                await("every record to be printed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> distinct(consumers).size() >= total);
                Set<String> printed = distinct(consumers);
                long printedLines = consumers.stream().mapToLong(c -> lines(c).size()).sum();
                long duplicates = printedLines - printed.size();
                System.out.printf("ConsumerGroupProcessTest: produced %d, printed %d distinct records in %d lines (duplicates %d);"
                                + " the killed consumer's partitions %s moved after %d ms (session timeout %d ms)%n",
                        total, printed.size(), printedLines, duplicates, victimPartitions, movedAfterMillis, SESSION_TIMEOUT_MILLIS);
                assertTrue(movedAfterMillis <= SESSION_TIMEOUT_MILLIS + 1_000, "moved after " + movedAfterMillis + " ms");
                assertEquals(total, printed.size(), "every record is processed at least once");
                assertNull(backwards.get(), "a committed offset went backwards");
                for (MemberProcess consumer : consumers.subList(1, 3)) {
                    assertEquals(GridCommand.OK, consumer.terminate(TIMEOUT), consumer.err());
                }
            }
        } finally {
            MemberProcess.stopAll(processes, TIMEOUT);
        }
    }

    /** One poll of the settling check: compares what each consumer printed since the previous poll. */
    private static boolean settled(List<MemberProcess> consumers, Map<MemberProcess, Integer> seen,
                                   Map<MemberProcess, Set<Integer>> lastWindow) {
        boolean disjoint = seen.size() == consumers.size();
        Set<Integer> all = new HashSet<>();
        for (MemberProcess consumer : consumers) {
            List<String> now = lines(consumer);
            Set<Integer> window = partitionsOf(now.subList(Math.min(seen.getOrDefault(consumer, 0), now.size()), now.size()));
            seen.put(consumer, now.size());
            lastWindow.put(consumer, window);
            disjoint &= !window.isEmpty() && window.stream().noneMatch(all::contains);
            all.addAll(window);
        }
        return disjoint && all.size() == PARTITIONS;
    }

    private static long printedSince(List<MemberProcess> consumers, Map<MemberProcess, Integer> since, Set<Integer> partitions) {
        long count = 0;
        for (MemberProcess consumer : consumers) {
            List<String> now = lines(consumer);
            count += now.subList(Math.min(since.get(consumer), now.size()), now.size()).stream()
                    .filter(line -> partitions.contains(partition(line))).count();
        }
        return count;
    }

    private static Set<String> distinct(List<MemberProcess> consumers) {
        Set<String> values = new HashSet<>();
        for (MemberProcess consumer : consumers) {
            for (String line : lines(consumer)) {
                values.add(line.substring(line.indexOf('\t') + 1));
            }
        }
        return values;
    }

    private static List<String> lines(MemberProcess consumer) {
        String out = consumer.out();
        int end = out.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : out.substring(0, end).split("\n")) {
            if (line.matches("\\d+:\\d+\t.*")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static int partition(String line) {
        return Integer.parseInt(line.substring(0, line.indexOf(':')));
    }

    private static Set<Integer> partitionsOf(List<String> lines) {
        Set<Integer> partitions = new HashSet<>();
        for (String line : lines) {
            partitions.add(partition(line));
        }
        return partitions;
    }
}
