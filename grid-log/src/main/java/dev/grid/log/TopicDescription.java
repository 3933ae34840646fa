package dev.grid.log;

import dev.grid.core.config.GridTopicConfig;

import java.util.List;

/**
 * A topic: its settings and, when asked for, its partitions.
 *
 * @param config     the topic's settings
 * @param partitions each partition's offsets and owner, or empty when not asked for
 */
public record TopicDescription(GridTopicConfig config, List<PartitionInfo> partitions) {

    public String name() {
        return config.getName();
    }

    /** @return the number of messages kept across all partitions: the sum of (high watermark - start offset) */
    public long records() {
        return partitions.stream().mapToLong(p -> p.highWatermark() - p.startOffset()).sum();
    }
}
