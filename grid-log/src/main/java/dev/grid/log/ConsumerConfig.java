package dev.grid.log;

import dev.grid.core.config.StructureNames;

import java.time.Duration;
import java.util.List;

/** A consumer's settings. */
public final class ConsumerConfig {
    /** Where a partition without a committed offset is read from. */
    public enum StartFrom {
        /** its start offset (the oldest record kept) */
        EARLIEST,
        /** its high watermark (only records appended from now on) */
        LATEST
    }

    private List<String> topics = List.of();
    private String group;
    private boolean autoCommit = true;
    private IsolationLevel isolation = IsolationLevel.READ_UNCOMMITTED;
    private Duration autoCommitInterval = Duration.ofSeconds(1);
    private Duration sessionTimeout = Duration.ofSeconds(10);
    private Duration heartbeatInterval = Duration.ofSeconds(1);
    private int maxPollRecords = 500;
    private StartFrom startFrom = StartFrom.LATEST;

    public ConsumerConfig(String... topics) {
        setTopics(List.of(topics));
    }

    public List<String> getTopics() {
        return topics;
    }

    public ConsumerConfig setTopics(List<String> topics) {
        for (String topic : topics) {
            StructureNames.check("topic name", topic);
        }
        this.topics = List.copyOf(topics);
        return this;
    }

    /** @return the consumer group, or null for a consumer that reads every partition of its topics itself (the default) */
    public String getGroup() {
        return group;
    }

    public ConsumerConfig setGroup(String group) {
        this.group = group == null ? null : StructureNames.check("consumer group name", group);
        return this;
    }

    /** @return whether offsets are committed by {@link LogConsumer#poll} and {@link LogConsumer#close} (default true, in a group) */
    public boolean isAutoCommit() {
        return autoCommit;
    }

    public ConsumerConfig setAutoCommit(boolean autoCommit) {
        this.autoCommit = autoCommit;
        return this;
    }

    /** @return what the consumer sees of transactional records (default {@link IsolationLevel#READ_UNCOMMITTED}) */
    public IsolationLevel getIsolation() {
        return isolation;
    }

    /**
     * With {@link IsolationLevel#READ_COMMITTED} the consumer returns only committed transactions' records and stops
     * at the oldest transaction still open in each partition.
     */
    public ConsumerConfig setIsolation(IsolationLevel isolation) {
        this.isolation = java.util.Objects.requireNonNull(isolation, "isolation");
        return this;
    }

    /** @return the least time between two automatic commits (default 1s) */
    public Duration getAutoCommitInterval() {
        return autoCommitInterval;
    }

    public ConsumerConfig setAutoCommitInterval(Duration autoCommitInterval) {
        this.autoCommitInterval = positive("autoCommitInterval", autoCommitInterval);
        return this;
    }

    /** @return how long the coordinator waits for a member's heartbeat before moving its partitions (default 10s; 500ms to 5m) */
    public Duration getSessionTimeout() {
        return sessionTimeout;
    }

    public ConsumerConfig setSessionTimeout(Duration sessionTimeout) {
        positive("sessionTimeout", sessionTimeout);
        if (sessionTimeout.compareTo(Duration.ofMillis(500)) < 0 || sessionTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("consumer sessionTimeout must be 500ms to 5m, was " + sessionTimeout);
        }
        this.sessionTimeout = sessionTimeout;
        return this;
    }

    /** @return how often the consumer tells the coordinator it is alive, from a thread of its own (default 1s; below the session timeout) */
    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public ConsumerConfig setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = positive("heartbeatInterval", heartbeatInterval);
        return this;
    }

    /** @return the most records one poll returns (default 500) */
    public int getMaxPollRecords() {
        return maxPollRecords;
    }

    public ConsumerConfig setMaxPollRecords(int maxPollRecords) {
        if (maxPollRecords < 1 || maxPollRecords > ReadOptions.MAX_RECORDS) {
            throw new IllegalArgumentException("consumer maxPollRecords must be 1 to " + ReadOptions.MAX_RECORDS + ", was " + maxPollRecords);
        }
        this.maxPollRecords = maxPollRecords;
        return this;
    }

    /** @return where a partition without a committed offset is read from (default LATEST) */
    public StartFrom getStartFrom() {
        return startFrom;
    }

    public ConsumerConfig setStartFrom(StartFrom startFrom) {
        if (startFrom == null) {
            throw new IllegalArgumentException("consumer startFrom must be EARLIEST or LATEST, was null");
        }
        this.startFrom = startFrom;
        return this;
    }

    /** Checks the rules that span several settings. */
    public ConsumerConfig validate() {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("a consumer needs at least one topic");
        }
        if (heartbeatInterval.compareTo(sessionTimeout) >= 0) {
            throw new IllegalArgumentException("consumer heartbeatInterval (" + heartbeatInterval + ") must be below sessionTimeout ("
                    + sessionTimeout + ")");
        }
        return this;
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("consumer " + name + " must be positive, was " + value);
        }
        return value;
    }
}
