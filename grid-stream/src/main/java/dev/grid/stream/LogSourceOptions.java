package dev.grid.stream;

import java.io.Serializable;
import dev.grid.log.IsolationLevel;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where a log stream source starts and how it marks quiet partitions. Immutable; each {@code with...} method returns a
 * copy. A job restarted from a snapshot ignores the start position: it goes on from the offsets in the snapshot.
 *
 * <p>The allowed lag of event time is the pipeline's: {@code p.readFrom(source).withNativeTimestamps(allowedLagMillis)}
 * takes each record's timestamp as its event time and emits watermarks that far behind the highest timestamp seen.
 */
public final class LogSourceOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How long a partition may go without records before its watermark stops holding the others back, by default. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);

    /** Where a partition's reading starts when the job has no snapshot. */
    public enum Start {
        /** From each partition's first record still kept. */
        EARLIEST,
        /**
         * From each partition's high watermark when the job's execution initialises (before the job reports RUNNING), or
         * when a restart without a snapshot does: only records appended after that.
         */
        LATEST,
        /** From the offsets given per partition ({@link #offsets()}); partitions not given start at the earliest. */
        OFFSETS
    }

    private final Start start;
    private final Map<Integer, Long> offsets;
    private final Duration idleTimeout;
    private final IsolationLevel isolation;

    private LogSourceOptions(Start start, Map<Integer, Long> offsets, Duration idleTimeout, IsolationLevel isolation) {
        this.start = start;
        this.offsets = Map.copyOf(offsets);
        this.idleTimeout = idleTimeout;
        this.isolation = isolation;
    }

    /** @return options reading each partition from its first record */
    public static LogSourceOptions fromEarliest() {
        return new LogSourceOptions(Start.EARLIEST, Map.of(), DEFAULT_IDLE_TIMEOUT, IsolationLevel.READ_COMMITTED);
    }

    /** @return options reading only records appended after the job started */
    public static LogSourceOptions fromLatest() {
        return new LogSourceOptions(Start.LATEST, Map.of(), DEFAULT_IDLE_TIMEOUT, IsolationLevel.READ_COMMITTED);
    }

    /**
     * @param offsets the first offset to read per log partition (an offset below a partition's start reads from its
     *                start, one above its high watermark waits for records up to it); other partitions from their start
     * @return options reading from the given offsets
     * @throws IllegalArgumentException naming the partition, for a negative partition or offset
     */
    public static LogSourceOptions fromOffsets(Map<Integer, Long> offsets) {
        for (Map.Entry<Integer, Long> entry : new TreeMap<>(offsets).entrySet()) {
            if (entry.getKey() < 0 || entry.getValue() == null || entry.getValue() < 0) {
                throw new IllegalArgumentException("log source offsets: partition " + entry.getKey() + " has offset " + entry.getValue()
                        + "; partitions and offsets must be 0 or more");
            }
        }
        return new LogSourceOptions(Start.OFFSETS, offsets, DEFAULT_IDLE_TIMEOUT, IsolationLevel.READ_COMMITTED);
    }

    /**
     * @param idleTimeout how long a partition may receive no record before it is marked idle, so that the watermarks of
     *                    the busy partitions advance without it (records it receives later may then be late); positive
     * @return a copy with that idle timeout
     * @throws IllegalArgumentException naming the value, if not positive
     */
    public LogSourceOptions withIdleTimeout(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("log source idleTimeout must be positive, was " + idleTimeout);
        }
        return new LogSourceOptions(start, offsets, idleTimeout, isolation);
    }

    /**
     * @param isolation {@link IsolationLevel#READ_COMMITTED} (the default): records of transactions not yet committed
     *                  are not read (a partition waits at its oldest open transaction) and aborted ones never are;
     *                  {@link IsolationLevel#READ_UNCOMMITTED}: every record below the high watermark as it is appended
     * @return a copy reading at that isolation level
     * @throws IllegalArgumentException if null
     */
    public LogSourceOptions withIsolation(IsolationLevel isolation) {
        if (isolation == null) {
            throw new IllegalArgumentException("log source isolation must be READ_COMMITTED or READ_UNCOMMITTED, was null");
        }
        return new LogSourceOptions(start, offsets, idleTimeout, isolation);
    }

    /** @return which records of transactions the source reads */
    public IsolationLevel isolation() {
        return isolation;
    }

    /** @return where reading starts without a snapshot */
    public Start start() {
        return start;
    }

    /** @return the first offsets per partition, for {@link Start#OFFSETS} (empty otherwise) */
    public Map<Integer, Long> offsets() {
        return offsets;
    }

    /** @return how long a partition may be quiet before it stops holding back watermarks */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogSourceOptions other && start == other.start && offsets.equals(other.offsets)
                && idleTimeout.equals(other.idleTimeout) && isolation == other.isolation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, offsets, idleTimeout, isolation);
    }

    @Override
    public String toString() {
        return "LogSourceOptions{start=" + start + (start == Start.OFFSETS ? ", offsets=" + new TreeMap<>(offsets) : "")
                + ", idleTimeout=" + idleTimeout + ", isolation=" + isolation + "}";
    }
}
