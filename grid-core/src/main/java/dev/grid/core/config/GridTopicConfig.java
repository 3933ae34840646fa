package dev.grid.core.config;

import java.time.Duration;

/**
 * Settings of one grid-log topic ({@code grid.log.topics.<name>.*} in {@code grid.yaml}, or given to
 * {@code GridLog.createTopic}). A topic's settings are fixed when it is created; the cluster keeps them
 * with the topic, so every member and client sees the same ones.
 *
 * @since 0.1
 */
public final class GridTopicConfig {
    /** Default number of partitions of a topic. */
    public static final int DEFAULT_PARTITIONS = 8;
    /** Most partitions a topic may have. */
    public static final int MAX_PARTITIONS = 10_000;
    /** Default largest encoded record (key, value, headers and 16 bytes), in bytes (1 MiB). */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;
    /** Default size at which a partition's active segment file rolls (64 MiB). */
    public static final int DEFAULT_SEGMENT_BYTES = 64 << 20;
    /** Default age after which whole segments are deleted (7 days). */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    /** Which timestamp a record keeps. */
    public enum TimestampType {
        /** the producer's timestamp when it gives one, else the append time (Kafka's CreateTime) */
        CREATE_TIME,
        /** always the owner's clock when it appends the record (Kafka's LogAppendTime) */
        LOG_APPEND_TIME
    }

    private final String name;
    private int partitions = DEFAULT_PARTITIONS;
    private Duration retention = DEFAULT_RETENTION;
    private long retentionBytes = -1;
    private int segmentBytes = DEFAULT_SEGMENT_BYTES;
    private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
    private TimestampType timestampType = TimestampType.CREATE_TIME;

    /**
     * @param name the topic's name: 1 to 256 characters, each a letter, digit, '.', '_' or '-'
     * @throws GridConfigException naming the name (truncated) and the rule it breaks
     */
    public GridTopicConfig(String name) {
        String problem = StructureNames.problem("topic name", name);
        if (problem != null) {
            throw new GridConfigException("grid.log.topics", problem);
        }
        this.name = name;
    }

    /** @return a copy with the same settings */
    public GridTopicConfig copy() {
        return new GridTopicConfig(name).setPartitions(partitions).setRetention(retention).setRetentionBytes(retentionBytes)
                .setSegmentBytes(segmentBytes).setMaxRecordBytes(maxRecordBytes).setTimestampType(timestampType);
    }

    public String getName() {
        return name;
    }

    /** @return how many partitions the topic has (default 8; 1 to 10,000); fixed once the topic exists */
    public int getPartitions() {
        return partitions;
    }

    public GridTopicConfig setPartitions(int partitions) {
        this.partitions = Require.between(key("partitions"), partitions, 1, MAX_PARTITIONS);
        return this;
    }

    /** @return how long records are kept: a segment whose newest record is older is deleted whole (default 7d) */
    public Duration getRetention() {
        return retention;
    }

    public GridTopicConfig setRetention(Duration retention) {
        this.retention = RequireDuration.positive(key("retention"), retention);
        return this;
    }

    /**
     * @return the most bytes one partition keeps: the oldest whole segments are deleted to stay under it
     *         (-1, the default: no limit by size); the active segment is never deleted
     */
    public long getRetentionBytes() {
        return retentionBytes;
    }

    public GridTopicConfig setRetentionBytes(long retentionBytes) {
        if (retentionBytes != -1 && retentionBytes <= 0) {
            throw new GridConfigException(key("retentionBytes"), key("retentionBytes") + " must be positive or -1 (no limit), was "
                    + retentionBytes);
        }
        this.retentionBytes = retentionBytes;
        return this;
    }

    /** @return the size at which a partition's active segment rolls to a new file (default 64 MiB; 4 KiB to 1 GiB) */
    public int getSegmentBytes() {
        return segmentBytes;
    }

    public GridTopicConfig setSegmentBytes(int segmentBytes) {
        this.segmentBytes = Require.between(key("segmentBytes"), segmentBytes, 4096, 1 << 30);
        return this;
    }

    /** @return the largest record accepted, encoded (default 1 MiB; 64 bytes to 16 MiB) */
    public int getMaxRecordBytes() {
        return maxRecordBytes;
    }

    public GridTopicConfig setMaxRecordBytes(int maxRecordBytes) {
        this.maxRecordBytes = Require.between(key("maxRecordBytes"), maxRecordBytes, 64, 16 << 20);
        return this;
    }

    /** @return which timestamp records keep (default CREATE_TIME) */
    public TimestampType getTimestampType() {
        return timestampType;
    }

    public GridTopicConfig setTimestampType(TimestampType timestampType) {
        this.timestampType = Require.nonNull(key("timestampType"), timestampType);
        return this;
    }

    /** Checks the rules that span several keys. */
    public GridTopicConfig validate() {
        if (maxRecordBytes > segmentBytes) {
            throw new GridConfigException(key("maxRecordBytes"), key("maxRecordBytes") + " (" + maxRecordBytes
                    + ") must be at most " + key("segmentBytes") + " (" + segmentBytes + ")");
        }
        return this;
    }

    private String key(String setting) {
        return "grid.log.topics." + name + "." + setting;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GridTopicConfig t && name.equals(t.name) && partitions == t.partitions && retention.equals(t.retention)
                && retentionBytes == t.retentionBytes && segmentBytes == t.segmentBytes && maxRecordBytes == t.maxRecordBytes
                && timestampType == t.timestampType;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + partitions;
    }

    @Override
    public String toString() {
        return "topic " + name + " (" + partitions + " partitions, retention " + DurationText.format(retention)
                + (retentionBytes > 0 ? ", " + retentionBytes + " bytes per partition" : "") + ", segments of " + segmentBytes
                + " bytes, records up to " + maxRecordBytes + " bytes, " + timestampType + ")";
    }
}
