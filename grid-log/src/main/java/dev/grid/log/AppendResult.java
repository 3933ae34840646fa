package dev.grid.log;

/**
 * Where an appended record went, once the partition's owner and its synchronous backups hold it.
 *
 * @param topic     the topic
 * @param partition the partition
 * @param offset    the record's offset
 * @param timestamp the timestamp the record kept
 */
public record AppendResult(String topic, int partition, long offset, long timestamp) {
}
