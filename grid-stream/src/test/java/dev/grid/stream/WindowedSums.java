package dev.grid.stream;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.datamodel.KeyedWindowResult;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.StreamSource;
import com.hazelcast.jet.pipeline.WindowDefinition;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;

/**
 * The reference job of grid-stream's tests (also run by grid-server's process test against {@code grid start} members,
 * whose class path holds this class): log records with key {@code k<n>} and a decimal value → per key, sums in 1 s
 * tumbling event-time windows → a GridMap entry {@code <key>@<window end> = sum}, written by idempotent sets. The
 * checker reads the topic itself (what was appended, acknowledged or not) and compares each key's total with the sum of
 * the key's windows in the map.
 */
public final class WindowedSums {
    /** The key of the records that only move event time forward, so that the last windows close; not summed. */
    public static final String FLUSH_KEY = "__flush";
    public static final long WINDOW_MILLIS = 1_000;
    /**
     * How far behind the latest timestamp the watermark stays, by default: records may arrive this much out of order
     * (one producer appends them, so each partition's timestamps rise with its offsets; the lag covers clock steps).
     */
    public static final long ALLOWED_LAG_MILLIS = 3_000;

    private WindowedSums() {
    }

    /**
     * @param mutant whether to read through the mutant source that saves no offsets in snapshots ({@link Mutants})
     * @return the pipeline: the topic from where the options say, windowed sums per key, into the map
     */
    public static Pipeline pipeline(String topic, LogSourceOptions start, String map, boolean mutant) {
        Pipeline pipeline = Pipeline.create();
        StreamSource<LogEvent> source = GridSources.log(topic, start);
        pipeline.readFrom(mutant ? Mutants.withoutOffsetsInSnapshots(source) : source)
                .withNativeTimestamps(ALLOWED_LAG_MILLIS)
                .filter(event -> !FLUSH_KEY.equals(event.keyAsString()))
                .groupingKey(LogEvent::keyAsString)
                .window(WindowDefinition.tumbling(WINDOW_MILLIS))
                .aggregate(AggregateOperations.summingLong(event -> Long.parseLong(event.valueAsString())))
                .writeTo(GridSinks.gridMap(map, (KeyedWindowResult<String, Long> r) -> r.key() + "@" + r.end(), KeyedWindowResult::result));
        return pipeline;
    }

    /** Submits the pipeline from a member or client, snapshots every 200 ms. */
    public static Job submit(Grid grid, String topic, LogSourceOptions start, String map, ProcessingGuarantee guarantee) {
        return submit(grid, topic, start, map, guarantee, false);
    }

    private static Job submit(Grid grid, String topic, LogSourceOptions start, String map, ProcessingGuarantee guarantee, boolean mutant) {
        JobConfig config = new JobConfig().setName("windowed-sums-" + map).setProcessingGuarantee(guarantee).setSnapshotIntervalMillis(200);
        return grid.hazelcast().getJet().newJob(pipeline(topic, start, map, mutant), config);
    }

    /**
     * Submits the pipeline reading from the latest offsets (so the first execution reads what is appended once it
     * runs, and a source that restarted without its offsets would skip records) and waits until it runs: start
     * appending after this returns.
     */
    public static Job submitFromLatest(Grid grid, String topic, String map, ProcessingGuarantee guarantee, boolean mutant) {
        Job job = submit(grid, topic, LogSourceOptions.fromLatest(), map, guarantee, mutant);
        await().atMost(Duration.ofSeconds(60)).until(() -> job.getStatus() == JobStatus.RUNNING);
        return job;
    }

    /**
     * Appends one record per partition with a timestamp far enough past {@code lastTimestamp} that the watermark
     * passes the end of every window holding a record up to it.
     */
    public static void flush(GridLog log, String topic, long lastTimestamp) {
        int partitions = log.describeTopic(topic).partitions().size();
        long at = lastTimestamp + ALLOWED_LAG_MILLIS + 3 * WINDOW_MILLIS;
        try (LogProducer producer = log.producer()) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                sent.add(producer.send(ProducerRecord.of(topic, FLUSH_KEY, "0").toPartition(p).withTimestamp(at)));
            }
            sent.forEach(CompletableFuture::join);
        }
    }

    /** @return each key's total in the topic (every partition from its start to its high watermark), flush records left out */
    public static Map<String, Long> expected(GridLog log, String topic) {
        Map<String, Long> sums = new TreeMap<>();
        int partitions = log.describeTopic(topic).partitions().size();
        for (int p = 0; p < partitions; p++) {
            long end = log.endOffset(topic, p);
            for (long next = log.startOffset(topic, p); next < end; ) {
                FetchResult batch = log.read(topic, p, next, 10_000);
                for (ConsumerRecord record : batch.records()) {
                    if (!FLUSH_KEY.equals(record.keyAsString())) {
                        sums.merge(record.keyAsString(), Long.parseLong(record.valueAsString()), Long::sum);
                    }
                }
                next = batch.nextOffset(next);
            }
        }
        return sums;
    }

    /** @return each key's total over its windows in the map */
    public static Map<String, Long> actual(GridMap<String, Long> map) {
        Map<String, Long> sums = new TreeMap<>();
        for (Iterator<Map.Entry<String, Long>> entries = map.iterator(); entries.hasNext(); ) {
            Map.Entry<String, Long> entry = entries.next();
            sums.merge(entry.getKey().substring(0, entry.getKey().lastIndexOf('@')), entry.getValue(), Long::sum);
        }
        return sums;
    }

    /** What the checker found. */
    public record Outcome(int keys, int exact, int off, long expectedTotal, long actualTotal) {
        public boolean allExact() {
            return off == 0 && exact == keys;
        }

        public String line() {
            return String.format("expected sums %d keys, exact %d, off %d (expected total %d, in the map %d)", keys, exact, off,
                    expectedTotal, actualTotal);
        }
    }

    /** @return how many keys' totals in the map equal the topic's */
    public static Outcome compare(Map<String, Long> expected, Map<String, Long> actual) {
        int exact = 0;
        Map<String, Long> all = new HashMap<>(actual);
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            if (entry.getValue().equals(all.remove(entry.getKey()))) {
                exact++;
            }
        }
        int off = expected.size() - exact + all.size(); // keys the map has and the topic has not count too
        return new Outcome(expected.size(), exact, off, expected.values().stream().mapToLong(Long::longValue).sum(),
                actual.values().stream().mapToLong(Long::longValue).sum());
    }
}
