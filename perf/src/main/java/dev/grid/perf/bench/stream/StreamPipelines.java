package dev.grid.perf.bench.stream;

import com.hazelcast.jet.Util;
import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.datamodel.KeyedWindowResult;
import com.hazelcast.jet.pipeline.JournalInitialPosition;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamStage;
import com.hazelcast.jet.pipeline.WindowDefinition;
import dev.grid.log.ConsumerRecord;
import dev.grid.stream.GridSinks;
import dev.grid.stream.GridSources;
import dev.grid.stream.LogSourceOptions;

import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's pipeline on each input: events become {@code (product, amount)} entries with the event's timestamp as
 * event time (allowed lag {@value #ALLOWED_LAG_MILLIS} ms in latency runs, {@value #THROUGHPUT_LAG_MILLIS} ms in
 * throughput runs), are summed per product in 1 s tumbling windows, and each
 * window's sum is set as {@code <product>@<window end>} in the sink map. The classes of its lambdas (this one) are on the
 * member JVMs' class path (they run the harness's jar).
 */
final class StreamPipelines {
    static final long WINDOW_MILLIS = 1_000;
    /**
     * Latency runs: how far the watermark stays behind the latest timestamp of a partition. One harness thread appends
     * the events of a partition in timestamp order (the log producer keeps a partition's order, one client connection
     * keeps the IMap's), so the lag only covers the millisecond granularity of timestamps; it adds to every window's latency.
     */
    static final long ALLOWED_LAG_MILLIS = 10;
    /**
     * Throughput runs: the allowed lag when events are appended as fast as they are taken (it does not slow a run whose
     * events' timestamps span {@link ThroughputRun#WINDOWS} seconds). Jet's IMap journal source keeps one watermark for
     * all the journal partitions a processor reads (Hazelcast 5.7's {@code StreamEventJournalP} registers one partition
     * with its {@code EventTimeMapper}, on purpose: fewer partitions to wait for), so when it reads a batch (up to 128
     * events) of one partition ahead of the others, the others' events that are older than the watermark minus this lag
     * are dropped as late: its sums come out short, and the run fails its check. grid's log source keeps a watermark per
     * log partition.
     */
    static final long THROUGHPUT_LAG_MILLIS = 2_000;
    /** The product of the events that only move event time forward at the end of a run; its windows never close. */
    static final int FLUSH_PRODUCT = -1;
    static final String FLUSH_KEY = "__flush";

    private StreamPipelines() {
    }

    /** @return the name of product {@code index} ({@code p007}), or {@value #FLUSH_KEY} */
    static String product(long index) {
        return index == FLUSH_PRODUCT ? FLUSH_KEY : String.format(Locale.ROOT, "p%03d", index);
    }

    /** @return the sink key of a product's window */
    static String resultKey(String product, long windowEnd) {
        return product + "@" + windowEnd;
    }

    /** @return the end of the window holding the timestamp */
    static long windowEnd(long timestamp) {
        return timestamp - Math.floorMod(timestamp, WINDOW_MILLIS) + WINDOW_MILLIS;
    }

    /** grid: the topic from its first record, native timestamps (the records'), into the GridMap. */
    static Pipeline grid(String topic, String sinkMap, long allowedLagMillis) {
        Pipeline pipeline = Pipeline.create();
        StreamStage<Map.Entry<String, Long>> sales = pipeline
                .readFrom(GridSources.log(topic, LogSourceOptions.fromEarliest(), StreamPipelines::sale))
                .withNativeTimestamps(allowedLagMillis);
        windowed(sales).writeTo(GridSinks.gridMap(sinkMap, StreamPipelines::key, KeyedWindowResult::result));
        return pipeline;
    }

    /** imap-journal: the map's journal from its oldest event, timestamps from the values, into the IMap. */
    static Pipeline journal(String map, String sinkMap, long allowedLagMillis) {
        Pipeline pipeline = Pipeline.create();
        StreamStage<Map.Entry<String, Long>> sales = pipeline
                .readFrom(Sources.<Long, long[]>mapJournal(map, JournalInitialPosition.START_FROM_OLDEST))
                .withTimestamps(e -> e.getValue()[2], allowedLagMillis)
                .map(e -> Util.entry(product(e.getValue()[0]), e.getValue()[1]));
        windowed(sales).writeTo(Sinks.map(sinkMap, StreamPipelines::key, KeyedWindowResult::result));
        return pipeline;
    }

    private static StreamStage<KeyedWindowResult<String, Long>> windowed(StreamStage<Map.Entry<String, Long>> sales) {
        return sales.groupingKey(Map.Entry::getKey)
                .window(WindowDefinition.tumbling(WINDOW_MILLIS))
                .aggregate(AggregateOperations.summingLong(Map.Entry::getValue));
    }

    private static Map.Entry<String, Long> sale(ConsumerRecord record) {
        return Util.entry(record.keyAsString(), Long.parseLong(record.valueAsString()));
    }

    private static String key(KeyedWindowResult<String, Long> result) {
        return resultKey(result.key(), result.end());
    }
}
