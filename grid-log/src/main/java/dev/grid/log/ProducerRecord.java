package dev.grid.log;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A record to append. With a key and no partition, the partition is chosen by a stable hash of the
 * key's bytes (the same on every member and client, and across restarts), so records of one key stay in
 * order in one partition. With neither, records are spread over the partitions in sticky batches.
 *
 * @param topic     the topic
 * @param partition the partition, or null to choose by key
 * @param key       the key's bytes, or null
 * @param value     the value's bytes, not null (may be empty)
 * @param headers   headers in order, never null
 * @param timestamp the producer's timestamp in epoch milliseconds, or -1 for the append time
 */
public record ProducerRecord(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers, long timestamp) {
    public ProducerRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value (use an empty array for no value)");
        headers = headers == null ? List.of() : List.copyOf(headers);
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("partition " + partition + " of topic " + topic + " is negative");
        }
        if (timestamp < -1) {
            throw new IllegalArgumentException("timestamp " + timestamp + " of a record for topic " + topic + " is negative");
        }
    }

    /** A record of bytes, partition chosen by key (or spread when the key is null). */
    public static ProducerRecord of(String topic, byte[] key, byte[] value) {
        return new ProducerRecord(topic, null, key, value, List.of(), -1);
    }

    /** A record of UTF-8 text, partition chosen by key (or spread when the key is null). */
    public static ProducerRecord of(String topic, String key, String value) {
        return of(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    /** @return this record sent to one partition */
    public ProducerRecord toPartition(int partition) {
        return new ProducerRecord(topic, partition, key, value, headers, timestamp);
    }

    /** @return this record with the producer's timestamp */
    public ProducerRecord withTimestamp(long timestamp) {
        return new ProducerRecord(topic, partition, key, value, headers, timestamp);
    }

    /** @return this record with headers */
    public ProducerRecord withHeaders(List<Header> headers) {
        return new ProducerRecord(topic, partition, key, value, headers, timestamp);
    }

    @Override
    public String toString() {
        return "record for " + topic + (partition == null ? "" : "-" + partition) + " (key " + (key == null ? "null" : key.length + " bytes")
                + ", value " + value.length + " bytes)";
    }
}
