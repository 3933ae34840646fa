package dev.grid.server.impl.demo;

import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.datamodel.KeyedWindowResult;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.StreamStage;
import com.hazelcast.jet.pipeline.WindowDefinition;
import dev.grid.stream.GridSinks;
import dev.grid.stream.GridSources;
import dev.grid.stream.LogSourceOptions;

import java.util.Map;

/**
 * The demo's pipeline: orders from a topic (event time = the records' timestamps) → revenue per product per 1 s tumbling
 * window into one GridMap ({@code product@windowEnd → cents}) and running totals per product into another
 * ({@code product → cents}). Both sinks overwrite by key, so with {@code EXACTLY_ONCE} a restarted job that replays from
 * its snapshot leaves exactly the input's sums.
 */
final class RevenuePipeline {
    static final String TOPIC = "orders";
    static final String WINDOWS = "revenue_per_second";
    static final String TOTALS = "revenue_total";
    static final long WINDOW_MILLIS = 1_000;
    static final long ALLOWED_LAG_MILLIS = 500;

    private RevenuePipeline() {
    }

    static Pipeline create() {
        Pipeline pipeline = Pipeline.create();
        StreamStage<DemoOrder> orders = pipeline.readFrom(GridSources.log(TOPIC, LogSourceOptions.fromEarliest(), DemoOrder::of))
                .withNativeTimestamps(ALLOWED_LAG_MILLIS)
                .filter(DemoOrder::isOrder);
        orders.groupingKey(DemoOrder::product)
                .window(WindowDefinition.tumbling(WINDOW_MILLIS))
                .aggregate(AggregateOperations.summingLong(DemoOrder::cents))
                .writeTo(GridSinks.gridMap(WINDOWS, RevenuePipeline::windowKey, KeyedWindowResult::result));
        orders.groupingKey(DemoOrder::product)
                .rollingAggregate(AggregateOperations.summingLong(DemoOrder::cents))
                .writeTo(GridSinks.gridMap(TOTALS, Map.Entry::getKey, Map.Entry::getValue));
        return pipeline;
    }

    /** @return the window map's key of a product's window: {@code product@end} */
    static String windowKey(String product, long windowEnd) {
        return product + "@" + windowEnd;
    }

    private static String windowKey(KeyedWindowResult<String, Long> window) {
        return windowKey(window.key(), window.end());
    }

    /** @return the end of the 1 s window holding the timestamp */
    static long windowEnd(long timestamp) {
        return timestamp - Math.floorMod(timestamp, WINDOW_MILLIS) + WINDOW_MILLIS;
    }
}
