package dev.grid.stream.impl;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.MapChange;

/** Reads a change topic's records as {@link MapChange}s, key and value deserialized by the reading member. */
final class MapChangeProjection<K, V> implements MemberProjection<MapChange<K, V>> {
    private static final long serialVersionUID = 1L;
    private transient volatile SerializationService serialization;

    @Override
    public void bind(HazelcastInstance member) {
        serialization = ((SerializationServiceSupport) member).getSerializationService();
    }

    @Override
    public MapChange<K, V> applyEx(ConsumerRecord record) {
        SerializationService bound = serialization;
        if (bound == null) {
            throw new IllegalStateException("the change source of topic " + record.topic() + " read a record before its member bound it");
        }
        return MapChange.of(record, bytes -> bound.toObject(new HeapData(bytes)));
    }
}
