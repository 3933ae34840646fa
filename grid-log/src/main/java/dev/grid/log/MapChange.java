package dev.grid.log;

import dev.grid.core.config.GridMapConfig;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * One change of a GridMap with change capture on ({@code grid.maps.<name>.changeCapture: true}), as read from the map's
 * change topic {@code __changes.<map>}: {@link GridLog#mapChange} reads one from a {@link ConsumerRecord}, and
 * grid-stream's {@code GridSources.mapChanges} gives them to a Jet pipeline.
 *
 * <p>The records of a change topic: the key is the map key's serialized bytes (Hazelcast's format, so one key's changes
 * are in one partition, in the order its owner applied them), the value the new value's serialized bytes (empty for a
 * removal), header {@value #CHANGE_HEADER} is {@code put} or {@code remove}, header {@value #CALL_HEADER} names the map
 * call ({@code set}, {@code put}, {@code putIfAbsent}, {@code replace}, {@code remove}, {@code delete},
 * {@code putFenced}, {@code removeFenced}, {@code putAll}, {@code executeOnKey}, {@code transaction}, {@code clear}),
 * and the timestamp is the owner's clock when it applied the change.
 *
 * @param map       the map's name
 * @param key       the key
 * @param value     the key's new value; null for a removal
 * @param op        a put or a removal
 * @param call      the map call that made the change
 * @param timestamp when the owner applied it, epoch milliseconds
 * @param partition the change topic's partition it was read from
 * @param offset    its offset there
 * @since 0.3
 */
public record MapChange<K, V>(String map, K key, V value, Op op, String call, long timestamp, int partition, long offset)
        implements Serializable {
    /** The header saying what a change did: {@code put} or {@code remove}. */
    public static final String CHANGE_HEADER = "grid.change";
    /** The header naming the map call that made a change. */
    public static final String CALL_HEADER = "grid.call";

    public MapChange {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(op, "op");
        if ((op == Op.PUT) != (value != null)) {
            throw new IllegalArgumentException("a " + op + " change of map " + map + " " + (value == null ? "needs a value" : "has no value"));
        }
    }

    /** @return the change topic of a map: {@code __changes.<map>} */
    public static String topicOf(String map) {
        return new GridMapConfig(map).getChangeTopic();
    }

    /**
     * @return the map a change topic captures, or null if {@code topic} is not a change topic
     */
    public static String mapOf(String topic) {
        return topic.startsWith(GridMapConfig.CHANGE_TOPIC_PREFIX) ? topic.substring(GridMapConfig.CHANGE_TOPIC_PREFIX.length()) : null;
    }

    /**
     * @return what a change record of a change topic did, from its {@value #CHANGE_HEADER} header
     * @throws IllegalArgumentException naming the topic, partition and offset, if the record has no such header
     */
    public static Op opOf(ConsumerRecord record) {
        for (Header header : record.headers()) {
            if (header.key().equals(CHANGE_HEADER)) {
                return Op.parse(new String(header.value(), StandardCharsets.UTF_8), record);
            }
        }
        throw new IllegalArgumentException("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                + " has no " + CHANGE_HEADER + " header: not a map change record");
    }

    /** @return the map call named by a change record's {@value #CALL_HEADER} header, or null */
    public static String callOf(ConsumerRecord record) {
        for (Header header : record.headers()) {
            if (header.key().equals(CALL_HEADER)) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * @param deserialize reads a key's or value's serialized bytes (Hazelcast's {@code Data} format); {@link GridLog#mapChange}
     *                    passes its grid's serialization
     * @return the change a change record records
     * @throws IllegalArgumentException naming the record, if it is not a change record of a change topic
     */
    @SuppressWarnings("unchecked")
    public static <K, V> MapChange<K, V> of(ConsumerRecord record, Function<byte[], Object> deserialize) {
        String map = mapOf(record.topic());
        if (map == null || record.key() == null) {
            throw new IllegalArgumentException("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " is not a map change record (" + (map == null ? "its topic is not named " + GridMapConfig.CHANGE_TOPIC_PREFIX
                    + "<map>" : "it has no key") + ")");
        }
        Op op = opOf(record);
        K key = (K) deserialize.apply(record.key());
        V value = op == Op.PUT ? (V) deserialize.apply(record.value()) : null;
        return new MapChange<>(map, key, value, op, callOf(record), record.timestamp(), record.partition(), record.offset());
    }

    /** @return whether the change removed the key */
    public boolean isRemove() {
        return op == Op.REMOVE;
    }

    /** What a change did to its key. */
    public enum Op {
        /** The key now holds the change's value. */
        PUT("put"),
        /** The key was removed. */
        REMOVE("remove");

        private final String header;

        Op(String header) {
            this.header = header;
        }

        /** @return the value of the {@value MapChange#CHANGE_HEADER} header for this op */
        public String header() {
            return header;
        }

        static Op parse(String header, ConsumerRecord record) {
            for (Op op : values()) {
                if (op.header.equals(header)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " has "
                    + CHANGE_HEADER + " '" + header + "', neither put nor remove");
        }
    }
}
