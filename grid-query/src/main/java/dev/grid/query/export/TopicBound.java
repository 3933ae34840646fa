package dev.grid.query.export;

import java.time.Instant;
import java.util.Objects;

/**
 * One end of a topic export's range: an offset (the same in every partition) or a time. A time becomes, in each
 * partition, the offset of the first record whose timestamp is at or after it (the partition's high watermark when
 * there is none), as {@link dev.grid.log.GridLog#offsetForTimestamp} gives it.
 *
 * @param offset the offset, or -1 for a time
 * @param time   the time, or null for an offset
 * @since 0.1
 */
public record TopicBound(long offset, Instant time) {
    public TopicBound {
        if (time == null && offset < 0) {
            throw new IllegalArgumentException("an offset must be >= 0, was " + offset);
        }
        if (time != null && offset != -1) {
            throw new IllegalArgumentException("a bound is an offset or a time, not both");
        }
    }

    /** @return the bound at this offset of every partition */
    public static TopicBound offset(long offset) {
        return new TopicBound(offset, null);
    }

    /** @return the bound at the first record of each partition at or after this time */
    public static TopicBound time(Instant time) {
        return new TopicBound(-1, Objects.requireNonNull(time, "time"));
    }

    /** @return true for an offset, false for a time */
    public boolean isOffset() {
        return time == null;
    }

    @Override
    public String toString() {
        return isOffset() ? Long.toString(offset) : time.toString();
    }
}
