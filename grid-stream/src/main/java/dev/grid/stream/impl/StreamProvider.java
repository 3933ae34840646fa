package dev.grid.stream.impl;

import com.hazelcast.function.FunctionEx;
import com.hazelcast.jet.pipeline.BatchSource;
import com.hazelcast.jet.pipeline.Sink;
import com.hazelcast.jet.pipeline.Sinks;
import com.hazelcast.jet.pipeline.Sources;
import com.hazelcast.jet.pipeline.StreamSource;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.MapChange;
import dev.grid.stream.GridSinks;
import dev.grid.stream.GridSources;
import dev.grid.stream.LogSourceOptions;

import dev.grid.log.ProducerRecord;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** grid-stream's sources and sinks, as {@link GridSources} and {@link GridSinks} find them. */
public final class StreamProvider implements GridSources.Provider, GridSinks.Provider {

    @Override
    public <T> StreamSource<T> log(String topic, LogSourceOptions options, FunctionEx<ConsumerRecord, T> projection) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(projection, "projection");
        return Sources.streamFromProcessorWithWatermarks("gridLog(" + topic + ")", true,
                policy -> new LogSourceMetaSupplier<>(topic, options, projection, policy));
    }

    @Override
    public <K, V> StreamSource<MapChange<K, V>> mapChanges(String map, LogSourceOptions options) {
        Objects.requireNonNull(map, "map name");
        return log(MapChange.topicOf(map), options, new MapChangeProjection<>());
    }

    @Override
    public <K, V> BatchSource<Map.Entry<K, V>> gridMap(String name) {
        Objects.requireNonNull(name, "map name");
        return Sources.batchFromProcessor("gridMap(" + name + ")", new GridMapSourceMetaSupplier(name));
    }

    @Override
    public <T, K, V> Sink<T> gridMap(String name, FunctionEx<? super T, ? extends K> keyFn, FunctionEx<? super T, ? extends V> valueFn) {
        Objects.requireNonNull(name, "map name");
        Objects.requireNonNull(keyFn, "keyFn");
        Objects.requireNonNull(valueFn, "valueFn");
        return Sinks.fromProcessor("gridMapSink(" + name + ")", new GridMapSinkMetaSupplier<>(name, keyFn, valueFn));
    }

    @Override
    public <T> Sink<T> log(String topic, FunctionEx<? super T, ProducerRecord> recordFn, Duration transactionTimeout) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(recordFn, "recordFn");
        Objects.requireNonNull(transactionTimeout, "transactionTimeout");
        if (transactionTimeout.toSeconds() < 1 || transactionTimeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("log sink of topic '" + topic + "': transactionTimeout must be at least 1 s, was " + transactionTimeout);
        }
        return Sinks.fromProcessor("gridLogSink(" + topic + ")", new LogSinkMetaSupplier<>(topic, recordFn, (int) transactionTimeout.toSeconds()));
    }
}
