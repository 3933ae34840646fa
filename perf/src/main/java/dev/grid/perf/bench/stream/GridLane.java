package dev.grid.perf.bench.stream;

import com.hazelcast.jet.pipeline.Pipeline;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.GridLog;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerConfig;
import dev.grid.log.ProducerRecord;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * grid: a new grid-log topic of {@code --log-partitions} partitions, appended to by an idempotent {@link LogProducer}
 * (acks ALL, linger 5 ms, as {@code grid bench log}'s), records keyed by product with the amount as value and the event's
 * timestamp; the job {@link StreamPipelines#grid}; the sink a new GridMap.
 */
final class GridLane extends Lane {
    static final String PRODUCER = "LogProducer: idempotent, acks ALL, linger 5 ms, the record's timestamp set to the event's";

    private final GridLog log;
    private final String topic;
    private final String sinkName;
    private final GridMap<String, Long> sink;
    private final LogProducer producer;
    private final int partitions;

    GridLane(Grid client, String name, int partitions) {
        super(client, StreamSystem.GRID, name);
        this.log = GridLog.of(client);
        this.topic = name + "-events";
        this.sinkName = name + "-sums";
        this.partitions = partitions;
        log.createTopic(new GridTopicConfig(topic).setPartitions(partitions));
        this.sink = client.map(sinkName);
        this.producer = log.producer(new ProducerConfig().setIdempotence(true).setAcks(ProducerConfig.Acks.ALL)
                .setLinger(Duration.ofMillis(5)).setDeliveryTimeout(Duration.ofMinutes(2)));
    }

    @Override
    void send(int product, long amount, long timestampMillis, Consumer<Throwable> done) {
        producer.send(ProducerRecord.of(topic, StreamPipelines.product(product), Long.toString(amount)).withTimestamp(timestampMillis),
                (result, error) -> done.accept(error));
    }

    @Override
    void flushWindows(long timestampMillis) {
        for (int p = 0; p < partitions; p++) {
            producer.send(ProducerRecord.of(topic, StreamPipelines.FLUSH_KEY, "0").toPartition(p).withTimestamp(timestampMillis));
        }
        producer.flush();
    }

    @Override
    Map<String, Long> results(Set<String> keys) {
        return sink.getAll(keys);
    }

    @Override
    Map<String, Long> allResults() {
        Map<String, Long> all = new HashMap<>();
        for (Iterator<Map.Entry<String, Long>> it = sink.iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            all.put(e.getKey(), e.getValue());
        }
        return all;
    }

    @Override
    Pipeline pipeline(long allowedLagMillis) {
        return StreamPipelines.grid(topic, sinkName, allowedLagMillis);
    }

    @Override
    void destroy() {
        producer.close();
        sink.destroy();
        log.deleteTopic(topic);
    }
}
