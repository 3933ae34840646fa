package dev.grid.stream;

import dev.grid.log.ConsumerRecord;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One log record as a stream source emits it: where it was read and its key and value bytes. Serializable, so it
 * travels between members on a pipeline's distributed edges (headers are left out: project them with
 * {@link GridSources#log(String, LogSourceOptions, com.hazelcast.function.FunctionEx)} if a pipeline needs them).
 *
 * @param topic     the topic
 * @param partition the log partition
 * @param offset    its offset in the partition
 * @param timestamp the record's timestamp (milliseconds since the epoch): the event time of the stream
 * @param key       the key's bytes, or null
 * @param value     the value's bytes
 */
public record LogEvent(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** @return the event of a record read from the log */
    public static LogEvent of(ConsumerRecord record) {
        return new LogEvent(record.topic(), record.partition(), record.offset(), record.timestamp(), record.key(), record.value());
    }

    /** @return the key decoded as UTF-8, or null */
    public String keyAsString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** @return the value decoded as UTF-8, or null */
    public String valueAsString() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogEvent e && partition == e.partition && offset == e.offset && timestamp == e.timestamp
                && topic.equals(e.topic) && Arrays.equals(key, e.key) && Arrays.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
