package dev.grid.query.export;

/**
 * The records of a topic export: from {@code from} (included) to {@code to} (excluded) in each partition, both
 * optional. Without {@code from}, a partition is read from its first record still kept; without {@code to}, up to
 * its high watermark when the export starts (records appended during the export are left out).
 *
 * @param from the first record, or null
 * @param to   the end, excluded, or null
 * @since 0.1
 */
public record TopicRange(TopicBound from, TopicBound to) {
    /** Every record kept, up to the high watermark when the export starts. */
    public static final TopicRange ALL = new TopicRange(null, null);

    /** @throws IllegalArgumentException if both ends are offsets, or both times, and {@code from} is after {@code to} */
    public TopicRange {
        if (from != null && to != null && from.isOffset() == to.isOffset()) {
            boolean after = from.isOffset() ? from.offset() > to.offset() : from.time().isAfter(to.time());
            if (after) {
                throw new IllegalArgumentException("the range's start " + from + " is after its end " + to);
            }
        }
    }
}
