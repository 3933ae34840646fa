package dev.grid.log;

import dev.grid.core.Grid;
import dev.grid.core.config.GridTopicConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What grid-log promises, the same on every deployment: subclasses run it on one member, three members, a client, and a
 * client of {@code grid start} processes (grid-server's {@code ProcessLogTest}).
 */
public abstract class LogContract {

    /** @return the grid the test talks through */
    protected abstract Grid grid();

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void appendsGetDenseOffsetsPerPartitionAndReadBackInOrder() {
        GridLog log = GridLog.of(grid());
        String topic = fresh("orders");
        log.createTopic(topic, 3);
        List<CompletableFuture<AppendResult>> sent = new ArrayList<>();
        try (LogProducer producer = log.producer()) {
            for (int i = 0; i < 300; i++) {
                sent.add(producer.send(ProducerRecord.of(topic, "k" + (i % 7), "v" + i)));
            }
        }
        Map<Integer, List<AppendResult>> byPartition = new HashMap<>();
        for (CompletableFuture<AppendResult> f : sent) {
            AppendResult r = f.join();
            byPartition.computeIfAbsent(r.partition(), p -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Integer, List<AppendResult>> e : byPartition.entrySet()) {
            List<AppendResult> results = e.getValue();
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i, results.get(i).offset(), "offsets of partition " + e.getKey() + " are dense from 0 in send order");
            }
            FetchResult read = log.read(topic, e.getKey(), 0, 1000);
            assertEquals(results.size(), read.records().size());
            assertEquals(results.size(), read.highWatermark());
        }
        for (int i = 0; i < 300; i++) {
            AppendResult r = sent.get(i).join();
            ConsumerRecord c = log.read(topic, r.partition(), r.offset(), 1).records().get(0);
            assertEquals("v" + i, c.valueAsString());
            assertEquals("k" + (i % 7), c.keyAsString());
            assertEquals(GridLog.partitionForKey(("k" + (i % 7)).getBytes(StandardCharsets.UTF_8), 3), r.partition());
        }
    }

    @Test
    void sendWithACallbackAnswersEachRecordOnceWithItsOffsetOrItsError() throws Exception {
        GridLog log = GridLog.of(grid());
        String topic = fresh("callbacks");
        log.createTopic(new GridTopicConfig(topic).setPartitions(1).setMaxRecordBytes(1024));
        int records = 2_000;
        AppendResult[] results = new AppendResult[records];
        AtomicInteger answers = new AtomicInteger();
        CompletableFuture<Throwable> tooLarge = new CompletableFuture<>();
        CompletableFuture<Throwable> unknown = new CompletableFuture<>();
        try (LogProducer producer = log.producer()) {
            for (int i = 0; i < records; i++) {
                int index = i;
                producer.send(ProducerRecord.of(topic, null, "v" + i), (result, error) -> {
                    answers.incrementAndGet();
                    assertEquals(null, error);
                    results[index] = result;
                    if (index % 100 == 0) {
                        throw new IllegalStateException("a callback that throws (injected): the producer goes on");
                    }
                });
            }
            producer.send(ProducerRecord.of(topic, null, new byte[2000]), (result, error) -> tooLarge.complete(error));
            producer.send(ProducerRecord.of("missing-topic", "k", "v"), (result, error) -> unknown.complete(error));
        }
        assertEquals(records, answers.get(), "one answer per record");
        for (int i = 0; i < records; i++) {
            assertEquals(i, results[i].offset(), "record " + i);
        }
        assertEquals(records, log.endOffset(topic, 0));
        assertTrue(tooLarge.get(10, TimeUnit.SECONDS) instanceof RecordTooLargeException, String.valueOf(tooLarge.join()));
        assertTrue(unknown.get(10, TimeUnit.SECONDS) instanceof UnknownTopicException, String.valueOf(unknown.join()));
    }

    @Test
    void headersTimestampsAndSeekByTime() {
        GridLog log = GridLog.of(grid());
        String topic = fresh("events");
        log.createTopic(topic, 1);
        try (LogProducer producer = log.producer()) {
            for (int i = 0; i < 10; i++) {
                producer.send(ProducerRecord.of(topic, null, ("e" + i).getBytes(StandardCharsets.UTF_8)).toPartition(0)
                        .withTimestamp(1_000_000L + i * 1000L).withHeaders(List.of(new Header("n", new byte[] {(byte) i}))));
            }
        }
        ConsumerRecord fifth = log.read(topic, 0, 5, 1).records().get(0);
        assertEquals(1_005_000L, fifth.timestamp());
        assertArrayEquals(new byte[] {5}, fifth.headers().get(0).value());
        assertEquals(5, log.offsetForTimestamp(topic, 0, 1_004_500L).getAsLong());
        assertFalse(log.offsetForTimestamp(topic, 0, 2_000_000L).isPresent());
        assertEquals(0, log.startOffset(topic, 0));
        assertEquals(10, log.endOffset(topic, 0));
    }

    @Test
    void aLongPollAnswersWhenARecordArrives() throws Exception {
        GridLog log = GridLog.of(grid());
        String topic = fresh("poll");
        log.createTopic(topic, 1);
        long start = System.nanoTime();
        CompletableFuture<FetchResult> waiting = log.readAsync(topic, 0, 0, 10, 1 << 20, Duration.ofSeconds(20));
        assertThrows(TimeoutException.class, () -> waiting.get(300, TimeUnit.MILLISECONDS), "nothing to read yet: the read waits");
        try (LogProducer producer = log.producer()) {
            producer.send(ProducerRecord.of(topic, "k", "late")).join();
        }
        FetchResult got = waiting.get(10, TimeUnit.SECONDS);
        assertEquals("late", got.records().get(0).valueAsString());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));

        long before = System.nanoTime();
        FetchResult empty = log.readAsync(topic, 0, 1, 10, 1 << 20, Duration.ofMillis(300)).get(10, TimeUnit.SECONDS);
        assertTrue(empty.records().isEmpty());
        assertTrue(System.nanoTime() - before >= TimeUnit.MILLISECONDS.toNanos(250), "the read waited its maxWait");
    }

    @Test
    void badInputIsRefusedWithItsName() {
        GridLog log = GridLog.of(grid());
        String topic = fresh("bad");
        log.createTopic(new GridTopicConfig(topic).setPartitions(2).setMaxRecordBytes(1024));
        UnknownTopicException unknown = assertThrows(UnknownTopicException.class, () -> log.read("no-such-topic", 0, 0, 1));
        assertTrue(unknown.getMessage().contains("no-such-topic"), unknown.getMessage());
        PartitionOutOfRangeException range = assertThrows(PartitionOutOfRangeException.class, () -> log.read(topic, 2, 0, 1));
        assertTrue(range.getMessage().contains(topic) && range.getMessage().contains("0 to 1"), range.getMessage());
        OffsetOutOfRangeException above = assertThrows(OffsetOutOfRangeException.class, () -> log.read(topic, 0, 5, 1));
        assertTrue(above.getMessage().contains("earliest available offset is 0"), above.getMessage());
        assertThrows(IllegalArgumentException.class, () -> log.read(topic, 0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> log.read(topic, 0, 0, 0));
        try (LogProducer producer = log.producer()) {
            RecordTooLargeException large = assertThrows(RecordTooLargeException.class,
                    () -> DefaultJoin.join(producer.send(ProducerRecord.of(topic, null, new byte[2000]))));
            assertTrue(large.getMessage().contains(topic) && large.getMessage().contains("1024"), large.getMessage());
            assertThrows(UnknownTopicException.class, () -> DefaultJoin.join(producer.send(ProducerRecord.of("missing-topic", "k", "v"))));
        }
        assertThrows(TopicExistsException.class, () -> log.createTopic(topic, 2));
    }

    @Test
    void topicsAreListedDescribedAndDeleted() {
        GridLog log = GridLog.of(grid());
        String topic = fresh("admin");
        log.createTopic(topic, 4);
        try (LogProducer producer = log.producer()) {
            producer.send(ProducerRecord.of(topic, "a", "1").toPartition(2)).join();
        }
        assertTrue(log.topicNames().contains(topic));
        TopicDescription d = log.describeTopic(topic);
        assertEquals(4, d.partitions().size());
        assertEquals(1, d.partitions().get(2).highWatermark());
        assertEquals(1, d.records());
        assertTrue(log.deleteTopic(topic));
        assertFalse(log.deleteTopic(topic));
        assertFalse(log.topicNames().contains(topic));
        assertThrows(UnknownTopicException.class, () -> log.describeTopic(topic));
        log.createTopic(topic, 1);
        assertEquals(0, log.endOffset(topic, 0), "a topic created again starts empty");
    }

    @Test
    void retentionDeletesWholeOldSegmentsAndReadsBelowTheStartNameTheEarliestOffset() throws Exception {
        GridLog log = GridLog.of(grid());
        String topic = fresh("retained");
        log.createTopic(new GridTopicConfig(topic).setPartitions(1).setSegmentBytes(4096).setRetentionBytes(8192).setMaxRecordBytes(1024));
        try (LogProducer producer = log.producer(new ProducerConfig().setBatchBytes(1024))) {
            for (int i = 0; i < 400; i++) {
                producer.send(ProducerRecord.of(topic, null, new byte[100]).toPartition(0));
            }
        }
        assertEquals(400, log.endOffset(topic, 0));
        // retention runs every 200 ms and may move the start offset again between two calls (a pass during the sends
        // deletes some segments, the next one more): the checks hold for one reading of it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            long start = log.startOffset(topic, 0);
            assertTrue(start > 0 && start < 400, "retention deleted old segments: start offset " + start);
            OffsetOutOfRangeException below = assertThrows(OffsetOutOfRangeException.class, () -> log.read(topic, 0, 0, 1));
            assertTrue(below.getMessage().contains("earliest available offset is " + start), below.getMessage());
            assertEquals(start, log.read(topic, 0, start, 1).records().get(0).offset());
        });
        assertEquals(400, log.endOffset(topic, 0), "retention never deletes the active segment's records");
    }

    @Test
    void aGroupSharesPartitionsWithoutOverlapCommitsAndReportsLag() {
        GridLog log = GridLog.of(grid());
        String topic = fresh("grouped");
        String group = fresh("group");
        log.createTopic(topic, 4);
        produceToEachPartition(log, topic, 4, 10);
        ConsumerConfig config = new ConsumerConfig(topic).setGroup(group).setAutoCommit(false)
                .setStartFrom(ConsumerConfig.StartFrom.EARLIEST).setSessionTimeout(Duration.ofSeconds(10))
                .setHeartbeatInterval(Duration.ofMillis(200));
        Map<LogConsumer, List<ConsumerRecord>> received = new HashMap<>();
        LogConsumer first = log.consumer(config);
        LogConsumer second = null;
        try {
            received.put(first, new ArrayList<>());
            pollUntil(received, () -> first.assignment().size() == 4 && received.get(first).size() == 40, "one consumer gets all 4 partitions");
            first.commitSync();
            for (PartitionLag lag : log.lag(group, topic)) {
                assertEquals(10, lag.committedOffset(), lag.toString());
                assertEquals(0, lag.lag(), lag.toString());
            }

            LogConsumer joined = log.consumer(config);
            second = joined;
            received.put(joined, new ArrayList<>());
            pollUntil(received, () -> !first.assignment().isEmpty() && !joined.assignment().isEmpty()
                    && first.assignment().size() + joined.assignment().size() == 4, "the second consumer gets a share");
            produceToEachPartition(log, topic, 4, 2);
            pollUntil(received, () -> received.get(first).size() + received.get(joined).size() == 48, "the new records are delivered");
            for (LogConsumer consumer : List.of(first, joined)) {
                for (ConsumerRecord r : received.get(consumer).subList(consumer == first ? 40 : 0, received.get(consumer).size())) {
                    assertTrue(consumer.assignment().contains(new TopicPartition(topic, r.partition())),
                            "a record of partition " + r.partition() + " went to the consumer holding it");
                }
                consumer.commitSync();
            }
            for (PartitionLag lag : log.lag(group, topic)) {
                assertEquals(12, lag.committedOffset(), lag.toString());
                assertEquals(0, lag.lag(), lag.toString());
            }
            TopicPartition notHeld = joined.assignment().iterator().next();
            assertThrows(NotAssignedException.class, () -> first.commitSync(Map.of(notHeld, 12L)),
                    "a consumer cannot commit a partition it does not hold");

            joined.close();
            second = null;
            received.remove(joined);
            pollUntil(received, () -> first.assignment().size() == 4, "the partitions of a consumer that left move to the other");
        } finally {
            first.close();
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void aMemberPastItsDiskBudgetRefusesAppendsNamingThePartitionAndKeepsServing() {
        long budget = diskBudget();
        org.junit.jupiter.api.Assumptions.assumeTrue(budget > 0, "the deployment has no disk budget");
        GridLog log = GridLog.of(grid());
        String topic = fresh("budget");
        log.createTopic(new GridTopicConfig(topic).setPartitions(2).setSegmentBytes(256 << 10).setMaxRecordBytes(32 << 10));
        long stored = 0;
        LogDiskFullException refused = null;
        try (LogProducer producer = log.producer(new ProducerConfig().setBatchBytes(64 << 10))) {
            // every member holds at most both partitions: more than budget / record size records reach the budget
            for (long i = 0; i < 2 * budget / (16 << 10) + 10 && refused == null; i++) {
                try {
                    DefaultJoin.join(producer.send(ProducerRecord.of(topic, null, new byte[16 << 10]).toPartition((int) (i % 2))));
                    stored++;
                } catch (LogDiskFullException e) {
                    refused = e;
                }
            }
        }
        try {
            assertTrue(refused != null, "the budget of " + budget + " bytes was never reached after " + stored + " records");
            assertTrue(refused.getMessage().contains(topic + "-"), refused.getMessage());
            assertEquals(stored, log.endOffset(topic, 0) + log.endOffset(topic, 1), "every acknowledged record is kept");
            assertEquals(16 << 10, log.read(topic, 0, 0, 1).records().get(0).value().length, "and readable");
        } finally {
            assertTrue(log.deleteTopic(topic));
        }
        String after = fresh("after-budget");
        log.createTopic(after, 1);
        try (LogProducer producer = log.producer()) {
            assertEquals(0, DefaultJoin.join(producer.send(ProducerRecord.of(after, "k", "v"))).offset(), "deleting the topic freed its bytes");
        }
    }

    /** @return the disk budget of each member of this deployment ({@code grid.log.diskBudget}), 0 if it has none */
    protected long diskBudget() {
        return 0;
    }

    private static void produceToEachPartition(GridLog log, String topic, int partitions, int perPartition) {
        try (LogProducer producer = log.producer()) {
            for (int i = 0; i < partitions * perPartition; i++) {
                producer.send(ProducerRecord.of(topic, null, "r" + i).toPartition(i % partitions));
            }
        }
    }

    /** Polls every consumer in turn until {@code done} holds, checking that no partition is held by two at once. */
    private static void pollUntil(Map<LogConsumer, List<ConsumerRecord>> consumers, java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            java.util.Set<TopicPartition> held = new java.util.HashSet<>();
            for (Map.Entry<LogConsumer, List<ConsumerRecord>> e : consumers.entrySet()) {
                e.getValue().addAll(e.getKey().poll(Duration.ofMillis(50)));
                for (TopicPartition p : e.getKey().assignment()) {
                    assertTrue(held.add(p), p + " is assigned to two consumers at once");
                }
            }
        }
    }

    /** Waits for a send, rethrowing the member's exception as thrown. */
    static final class DefaultJoin {
        static <T> T join(CompletableFuture<T> f) {
            return LogFutures.join(f);
        }
    }
}
