package dev.grid.log;

/**
 * A read or seek at an offset the partition does not have: below its start offset (retention deleted it)
 * or above its high watermark. The message names the range available.
 */
public class OffsetOutOfRangeException extends LogException {
    private static final long serialVersionUID = 1L;

    public OffsetOutOfRangeException(String message) {
        super(message);
    }

    public OffsetOutOfRangeException(String topic, int partition, long offset, long startOffset, long highWatermark) {
        super("offset " + offset + " of " + topic + "-" + partition + " is " + (offset < startOffset ? "below" : "above")
                + " the offsets it has: the earliest available offset is " + startOffset + " and the next record will get "
                + highWatermark);
    }
}
