package dev.grid.log;

import java.util.Objects;

/**
 * One partition of a topic.
 *
 * @param topic     the topic's name
 * @param partition the partition's index, from 0
 */
public record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {
    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
        if (partition < 0) {
            throw new IllegalArgumentException("partition " + partition + " of topic " + topic + " is negative");
        }
    }

    @Override
    public int compareTo(TopicPartition o) {
        int byTopic = topic.compareTo(o.topic);
        return byTopic != 0 ? byTopic : Integer.compare(partition, o.partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
