package dev.grid.log;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A record read from a partition.
 *
 * @param topic     the topic
 * @param partition the partition
 * @param offset    its offset: dense per partition from 0, never reused, the same on every replica
 * @param timestamp the producer's timestamp, or the append time (see the topic's timestamp type)
 * @param key       the key's bytes, or null
 * @param value     the value's bytes
 * @param headers   the headers in order
 */
public record ConsumerRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, List<Header> headers) {

    /** @return the key decoded as UTF-8, or null */
    public String keyAsString() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    /** @return the value decoded as UTF-8 */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
