package dev.grid.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of grid-log on one member ({@code grid.log.*} in {@code grid.yaml}): where partition replicas
 * keep their segment files, how much disk they may take, and the topics the member creates when it
 * starts (those that do not exist yet).
 *
 * @since 0.1
 */
public final class GridLogConfig {
    private Path directory;
    private long diskBudget;
    private boolean autoCreateTopics;
    private int defaultPartitions = GridTopicConfig.DEFAULT_PARTITIONS;
    private Duration retentionCheckInterval = Duration.ofSeconds(30);
    private Duration scrubInterval = Duration.ofHours(1);
    private final Map<String, GridTopicConfig> topics = new LinkedHashMap<>();

    /**
     * @return the directory under which this member keeps its replicas' segment files, in a sub-directory of
     *         its own that it empties when it starts (reloading after a restart is not supported yet); null,
     *         the default: {@code <grid.dataDirectory>/log}
     */
    public Path getDirectory() {
        return directory;
    }

    public GridLogConfig setDirectory(Path directory) {
        this.directory = directory;
        return this;
    }

    /** @return the directory in use: {@link #getDirectory()}, or {@code <dataDirectory>/log} */
    public Path directoryUnder(Path dataDirectory) {
        return directory != null ? directory : dataDirectory.resolve("log");
    }

    /**
     * @return the most bytes this member's partition replicas (owned and backup) may hold on disk together;
     *         an append that would go past it is refused with a clear error (0, the default: no limit)
     */
    public long getDiskBudget() {
        return diskBudget;
    }

    public GridLogConfig setDiskBudget(long diskBudget) {
        if (diskBudget < 0) {
            throw new GridConfigException("grid.log.diskBudget", "grid.log.diskBudget must be 0 (no limit) or positive, was " + diskBudget);
        }
        this.diskBudget = diskBudget;
        return this;
    }

    /** @return whether appending to or reading an unknown topic creates it with the default settings (default false) */
    public boolean isAutoCreateTopics() {
        return autoCreateTopics;
    }

    public GridLogConfig setAutoCreateTopics(boolean autoCreateTopics) {
        this.autoCreateTopics = autoCreateTopics;
        return this;
    }

    /** @return partitions of a topic created automatically (default 8) */
    public int getDefaultPartitions() {
        return defaultPartitions;
    }

    public GridLogConfig setDefaultPartitions(int defaultPartitions) {
        this.defaultPartitions = Require.between("grid.log.defaultPartitions", defaultPartitions, 1, GridTopicConfig.MAX_PARTITIONS);
        return this;
    }

    /** @return how often each member applies the topics' retention to the replicas it holds (default 30s) */
    public Duration getRetentionCheckInterval() {
        return retentionCheckInterval;
    }

    public GridLogConfig setRetentionCheckInterval(Duration retentionCheckInterval) {
        this.retentionCheckInterval = RequireDuration.positive("grid.log.retentionCheckInterval", retentionCheckInterval);
        return this;
    }

    /**
     * @return how long each member waits after one background scrub of its replicas' sealed segments before the
     *         next (each batch's CRC32C checked once per pass, at most 8 MiB a second); it finds corrupt files that
     *         nothing reads, such as a backup's (default 1h; 0: no scrub; reads, replication and the check of each
     *         rolled segment still find bad batches)
     */
    public Duration getScrubInterval() {
        return scrubInterval;
    }

    public GridLogConfig setScrubInterval(Duration scrubInterval) {
        this.scrubInterval = RequireDuration.notNegative("grid.log.scrubInterval", scrubInterval);
        return this;
    }

    /** Adds or replaces a topic the member creates when it starts, if the cluster does not have it yet. */
    public GridLogConfig addTopic(GridTopicConfig topic) {
        Require.nonNull("grid.log.topics", topic);
        topics.put(topic.getName(), topic);
        return this;
    }

    /** @return the topics configured by name, in the order they were added */
    public Map<String, GridTopicConfig> getTopics() {
        return Collections.unmodifiableMap(topics);
    }

    /** @return the settings a topic of that name gets when created automatically or without settings */
    public GridTopicConfig defaultTopic(String name) {
        GridTopicConfig configured = topics.get(name);
        return configured != null ? configured.copy() : new GridTopicConfig(name).setPartitions(defaultPartitions);
    }

    void validate() {
        topics.values().forEach(GridTopicConfig::validate);
    }
}
