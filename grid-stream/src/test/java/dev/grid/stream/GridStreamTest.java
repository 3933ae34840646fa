package dev.grid.stream;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.MapChange;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TransactionalGridLog;
import com.hazelcast.transaction.HazelcastXAResource;
import com.hazelcast.transaction.impl.xa.SerializableXID;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * grid-stream's sources and sinks on three embedded members: windowed sums of a topic into a GridMap equal the topic's
 * sums; the GridMap source reads every entry once; a missing topic or map fails the job naming it.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GridStreamTest {
    private static final int LOG_PARTITIONS = 6;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).partitions(31).configure(config -> {
        config.getLog().setDirectory(tempDir());
        config.addMap(new GridMapConfig("followed").setChangeCapture(true));
    });

    static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("grid-stream");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void windowedSumsOfTheLogEqualTheInputsSums() {
        Grid member = CLUSTER.member(0);
        GridLog log = GridLog.of(member);
        log.createTopic("orders", LOG_PARTITIONS);
        GridMap<String, Long> sums = member.map("order-sums");
        long base = System.currentTimeMillis();
        long last = base;
        try (LogProducer producer = log.producer()) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < 6_000; i++) {
                last = base + i; // 6 s of event time: six windows
                sent.add(producer.send(ProducerRecord.of("orders", "k" + i % 17, Integer.toString(i % 10 + 1)).withTimestamp(last)));
            }
            sent.forEach(CompletableFuture::join);
        }
        WindowedSums.flush(log, "orders", last);
        Map<String, Long> expected = WindowedSums.expected(log, "orders");
        Job job = WindowedSums.submit(CLUSTER.client(), "orders", LogSourceOptions.fromEarliest(), "order-sums",
                ProcessingGuarantee.EXACTLY_ONCE);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> WindowedSums.compare(expected, WindowedSums.actual(sums)).allExact());
            WindowedSums.Outcome outcome = WindowedSums.compare(expected, WindowedSums.actual(sums));
            System.out.println("GridStreamTest: " + outcome.line());
            assertEquals(17, outcome.keys());
            assertTrue(sums.size() >= 17 * 6, "windows per key: " + sums.size());
        } finally {
            job.cancel();
        }
    }

    @Test
    void jetRunsOnMembersWithGridStreamWithoutTheSqlEngine() {
        // grid.jetEnabled is auto here, and grid-stream's class path has no hazelcast-sql: grid-stream turns Jet on
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.hazelcast.jet.sql.impl.JetSqlSerializerHook"));
        assertTrue(CLUSTER.member(0).hazelcast().getConfig().getJetConfig().isEnabled());
    }

    @Test
    void theGridMapSourceReadsEveryEntryOnce() {
        Grid member = CLUSTER.member(1);
        GridMap<Integer, String> source = member.map("stream-source");
        Map<Integer, String> written = new TreeMap<>();
        for (int i = 0; i < 1_000; i++) {
            written.put(i, "v" + i);
        }
        source.putAll(written);
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(GridSources.<Integer, String>gridMap("stream-source"))
                .writeTo(GridSinks.gridMap("stream-copy", Map.Entry::getKey, entry -> entry.getValue() + "!"));
        GridMap<Integer, String> copy = member.map("stream-copy");
        member.hazelcast().getJet().newJob(pipeline).join();
        Map<Integer, String> copied = new TreeMap<>();
        copy.iterator().forEachRemaining(entry -> copied.put(entry.getKey(), entry.getValue()));
        assertEquals(1_000, copied.size());
        written.forEach((key, value) -> assertEquals(value + "!", copied.get(key), "key " + key));
    }

    @Test
    void givenOffsetsStartEachPartitionThereAndAnOffsetAboveTheHighWatermarkWaitsForIt() {
        Grid member = CLUSTER.member(2);
        GridLog log = GridLog.of(member);
        log.createTopic("positions", 2);
        append(log, "positions", 0, 0, 100);
        append(log, "positions", 1, 0, 100);
        GridMap<Long, Long> seen = member.map("positions-seen");
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(GridSources.log("positions", LogSourceOptions.fromOffsets(Map.of(0, 90L, 1, 150L)))).withoutTimestamps()
                .writeTo(GridSinks.gridMap("positions-seen", event -> event.partition() * 1_000L + event.offset(), LogEvent::offset));
        Job job = CLUSTER.client().hazelcast().getJet().newJob(pipeline);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 10);
            append(log, "positions", 1, 100, 60); // partition 1 reaches offset 160: its reading starts at 150
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 20);
            Map<Long, Long> all = new TreeMap<>();
            seen.iterator().forEachRemaining(entry -> all.put(entry.getKey(), entry.getValue()));
            for (long offset = 90; offset < 100; offset++) {
                assertEquals(offset, all.get(offset), "partition 0 offset " + offset);
            }
            for (long offset = 150; offset < 160; offset++) {
                assertEquals(offset, all.get(1_000 + offset), "partition 1 offset " + offset);
            }
        } finally {
            job.cancel();
        }
    }

    private static void append(GridLog log, String topic, int partition, int from, int count) {
        try (LogProducer producer = log.producer()) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                sent.add(producer.send(ProducerRecord.of(topic, "k", Integer.toString(i)).toPartition(partition)));
            }
            sent.forEach(CompletableFuture::join);
        }
    }

    @Test
    void aJobReadsATransactionsRecordsOnceItCommitsAndAbortedOnesNever() throws Exception {
        Grid member = CLUSTER.member(0);
        GridLog log = GridLog.of(member);
        log.createTopic("txn-stream", 1);
        GridMap<Long, String> seen = member.map("txn-stream-seen");
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(GridSources.log("txn-stream", LogSourceOptions.fromEarliest())).withoutTimestamps()
                .writeTo(GridSinks.gridMap("txn-stream-seen", LogEvent::offset, LogEvent::valueAsString));
        Job job = CLUSTER.client().hazelcast().getJet().newJob(pipeline);
        try {
            HazelcastXAResource xa = member.hazelcast().getXAResource();
            Xid open = prepared(xa, "pending");
            Xid aborted = prepared(xa, "aborted");
            xa.rollback(aborted);
            try (LogProducer producer = log.producer()) {
                producer.send(ProducerRecord.of("txn-stream", "k", "plain").toPartition(0)).join();
            }
            // read_committed (the default): the open transaction holds the partition back, records after it included
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(seen::isEmpty);
            xa.commit(open, false);
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 2);
            Map<Long, String> all = new TreeMap<>();
            seen.iterator().forEachRemaining(entry -> all.put(entry.getKey(), entry.getValue()));
            assertEquals(List.of("pending", "plain"), List.copyOf(all.values()), "offsets and values: " + all);
        } finally {
            job.cancel();
        }
    }

    /** @return a transaction of grid-log appending the value, prepared (its record stored, not yet visible) */
    private static Xid prepared(HazelcastXAResource xa, String value) throws Exception {
        Xid xid = new SerializableXID(42, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), new byte[] {1});
        xa.start(xid, XAResource.TMNOFLAGS);
        TransactionalGridLog.in(xa.getTransactionContext()).send(ProducerRecord.of("txn-stream", "k", value).toPartition(0));
        xa.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, xa.prepare(xid));
        return xid;
    }

    @Test
    void aRunningTotalsLastValueReachesTheMapWhenTheStreamGoesQuiet() {
        // no snapshots (NONE): only the sink's own pass over the values waiting for a key's write can write the last one
        Grid member = CLUSTER.member(1);
        GridLog log = GridLog.of(member);
        log.createTopic("quiet", 1);
        GridMap<String, Long> totals = member.map("quiet-totals");
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(GridSources.log("quiet", LogSourceOptions.fromEarliest())).withoutTimestamps()
                .groupingKey(LogEvent::keyAsString)
                .rollingAggregate(AggregateOperations.summingLong(event -> Long.parseLong(event.valueAsString())))
                .writeTo(GridSinks.gridMap("quiet-totals", Map.Entry::getKey, Map.Entry::getValue));
        Job job = CLUSTER.client().hazelcast().getJet().newJob(pipeline);
        try {
            try (LogProducer producer = log.producer()) {
                List<CompletableFuture<?>> sent = new ArrayList<>();
                for (int i = 1; i <= 500; i++) {
                    sent.add(producer.send(ProducerRecord.of("quiet", "total", Integer.toString(i)).toPartition(0)));
                }
                sent.forEach(CompletableFuture::join);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(500L * 501 / 2).equals(totals.get("total")));
        } finally {
            job.cancel();
        }
    }

    @Test
    void aJobFollowingAMapThroughItsChangesReproducesTheMap() {
        Grid member = CLUSTER.member(2);
        GridMap<Integer, String> followed = CLUSTER.client().map("followed");
        for (int i = 0; i < 300; i++) {
            followed.set(i, "first-" + i);
        }
        for (int i = 0; i < 300; i += 3) {
            followed.remove(i);
        }
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(GridSources.<Integer, String>mapChanges("followed")).withoutTimestamps()
                .writeTo(GridSinks.gridMap("followed-copy", MapChange::key, MapChange::value));
        GridMap<Integer, String> copy = member.map("followed-copy");
        Job job = CLUSTER.client().hazelcast().getJet().newJob(pipeline);
        try {
            Map<Integer, String> more = new TreeMap<>();
            for (int i = 250; i < 400; i++) {
                more.put(i, "bulk-" + i);
            }
            followed.putAll(more);                                  // written while the job runs
            for (int i = 0; i < 400; i += 5) {
                followed.executeOnKey(i, entry -> {
                    entry.setValue("processed");
                    return null;
                });
            }
            followed.delete(399);
            Map<Integer, String> expected = contents(followed);
            await().atMost(Duration.ofSeconds(30)).until(() -> contents(copy).equals(expected));
            assertEquals(expected, contents(copy));
            assertEquals(332, expected.size(), "removed keys stay removed, processed ones came back");
        } finally {
            job.cancel();
        }
    }

    private static <K, V> Map<K, V> contents(GridMap<K, V> map) {
        Map<K, V> all = new TreeMap<>();
        map.iterator().forEachRemaining(entry -> all.put(entry.getKey(), entry.getValue()));
        return all;
    }

    @Test
    void aMissingTopicFailsTheJobNamingIt() {
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(GridSources.log("no-such-topic", LogSourceOptions.fromEarliest())).withoutTimestamps().writeTo(Sinks.noop());
        Job job = CLUSTER.client().hazelcast().getJet().newJob(pipeline);
        Exception e = assertThrows(Exception.class, job::join);
        assertTrue(messages(e).contains("topic 'no-such-topic' does not exist"), messages(e));
    }

    @Test
    void aMissingMapFailsTheJobNamingIt() {
        Pipeline source = Pipeline.create();
        source.readFrom(GridSources.gridMap("no-such-map")).writeTo(Sinks.noop());
        Exception e = assertThrows(Exception.class, () -> CLUSTER.member(0).hazelcast().getJet().newJob(source).join());
        assertTrue(messages(e).contains("map 'no-such-map' does not exist"), messages(e));

        CLUSTER.member(0).map("sink-input").set(1, 1);
        Pipeline sink = Pipeline.create();
        sink.readFrom(GridSources.<Integer, Integer>gridMap("sink-input")).writeTo(GridSinks.gridMap("no-such-sink", Map.Entry::getKey, Map.Entry::getValue));
        e = assertThrows(Exception.class, () -> CLUSTER.member(0).hazelcast().getJet().newJob(sink).join());
        assertTrue(messages(e).contains("map 'no-such-sink' does not exist"), messages(e));
        assertTrue(CLUSTER.members().stream().allMatch(Grid::isRunning), "a failed job must not stop a member");
    }

    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
